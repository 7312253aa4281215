using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Storage;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Storage;

/// <summary>An upgrade to kept counters starts them from what a bot has stored.</summary>
public sealed class BotCountersMigrationTests : IAsyncLifetime
{
    private const string BeforeCounters = "20261206175057_McpServers";
    private readonly string _dataPath = TempDirectory.Create("oo-counters-");
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Orchestrator:DataPath"] = _dataPath;
        builder.AddStorage();
        _host = builder.Build();
        await _host.Services.MigrateDatabaseAsync();
    }

    public Task DisposeAsync()
    {
        _host.Dispose();
        TempDirectory.DeleteQuietly(_dataPath);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task TheUpgradeCountsEachBotsStoredRunsAndResults()
    {
        var factory = _host.Services.GetRequiredService<IDbContextFactory<OrchestratorDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Bots.Add(new BotRecord { Id = "b1", OwnerId = "u1", Name = "Old", Prompt = "p", Model = "m", DocsPath = "d" });
            db.Bots.Add(new BotRecord { Id = "b2", OwnerId = "u1", Name = "Idle", Prompt = "p", Model = "m", DocsPath = "d" });
            db.Runs.AddRange(
                Run("r1", RunStatuses.Completed), Run("r2", RunStatuses.Failed), Run("r3", RunStatuses.TimedOut), Run("r4", RunStatuses.Cancelled));
            db.Results.AddRange(Result("x1", seen: true), Result("x2", seen: false), Result("x3", seen: false));
            await db.SaveChangesAsync();
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(BeforeCounters);
            await migrator.MigrateAsync();
        }

        await using var read = await factory.CreateDbContextAsync();
        var bots = await read.Bots.AsNoTracking().OrderBy(b => b.Id).ToListAsync();

        Assert.Equal(
            [("b1", 4, 1, 2, 3, 2), ("b2", 0, 0, 0, 0, 0)],
            bots.Select(b => (b.Id, b.RunCount, b.CompletedRuns, b.UnsuccessfulRuns, b.ResultCount, b.UnseenResults)));
    }

    private static RunRecord Run(string id, string status) => new() { Id = id, BotId = "b1", OwnerId = "u1", Trigger = RunTriggers.Manual, Status = status };

    private static ResultRecord Result(string id, bool seen) =>
        new() { Id = id, BotId = "b1", RunId = "r1", Title = id, DedupKey = id, Seen = seen };
}
