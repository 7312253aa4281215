using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenOrchestrator.Silo.Schedules;
using OpenOrchestrator.Silo.Storage;
using OpenOrchestrator.Testing;
using Orleans.TestingHost;

namespace OpenOrchestrator.Silo.Tests.Infrastructure;

/// <summary>Bot grains on Orleans' in-process test cluster, with the product's storage and runner.</summary>
public sealed class GrainFixture : IAsyncLifetime
{
    private readonly string _dataPath = TempDirectory.Create("oo-grains-");

    public InProcessTestCluster Cluster { get; private set; } = null!;
    public ScriptedModelServer Model { get; private set; } = null!;
    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The silo's clock: tests move it instead of waiting.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
    public IServiceProvider Services => Cluster.GetActiveSilos().First().ServiceProvider;

    public OutcomeFaults Faults => Services.GetRequiredService<OutcomeFaults>();

    public async Task InitializeAsync()
    {
        Model = await ScriptedModelServer.StartAsync(_ => ModelReply.Text("Done."));
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Orchestrator:DataPath"] = _dataPath,
                ["OPENAI_BASE_URL"] = Model.BaseUrl.ToString(),
                ["OPENAI_API_KEY"] = "grain-key",
                // Real reminder ticks stay out of the way; tests deliver ticks themselves.
                ["Schedules:Tick"] = "01:00:00",
                // A run's end that does not reach its bot is offered once more, a second later.
                ["Runs:OutcomeAttempts"] = "2",
            });
            host.Services.AddSingleton<TimeProvider>(Time);
            host.AddOrchestrator();
        });
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddDatabaseReminders();
            silo.Services.AddSingleton<OutcomeFaults>();
            silo.Services.AddSingleton<IIncomingGrainCallFilter>(sp => sp.GetRequiredService<OutcomeFaults>());
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public Task<BotRecord?> RowAsync(string botId) => QueryAsync(db => db.Bots.AsNoTracking().SingleOrDefaultAsync(b => b.Id == botId));

    public Task<T> QueryAsync<T>(Func<OrchestratorDbContext, Task<T>> query) => Services.QueryAsync(query);

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Model.DisposeAsync();
        TempDirectory.DeleteQuietly(_dataPath);
    }
}

[CollectionDefinition(Name)]
public sealed class GrainCollection : ICollectionFixture<GrainFixture>
{
    public const string Name = "grains";
}
