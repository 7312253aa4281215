using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenOrchestrator.Silo.Storage;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Storage;

/// <summary>The SQLite storage as the product configures it, on a file of its own.</summary>
public sealed class SqliteStorageTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly string _dataPath = TempDirectory.Create("oo-gate-");
    private IHost _host = null!;

    private IDbContextFactory<OrchestratorDbContext> Factory => _host.Services.GetRequiredService<IDbContextFactory<OrchestratorDbContext>>();

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
    public async Task AWriterQueuesWithoutBlockingWhileATransactionWritesAndGoesOnWhenItCommits()
    {
        await using var first = await Factory.CreateDbContextAsync();
        await using (var tx = await first.Database.BeginTransactionAsync())
        {
            first.Activity.Add(Entry("first"));
            await first.SaveChangesAsync();

            // Without the gate this call would block its thread in SQLite's busy handler until the lock frees.
            var second = AddAsync("second");
            Assert.False(second.IsCompleted, "the second writer went ahead of an open write transaction");

            // Reads go on meanwhile (WAL): they see what is committed, not the open transaction.
            Assert.Equal(0, await CountAsync());
            await tx.CommitAsync();
            await second.WaitAsync(Deadline);
        }

        Assert.Equal(2, await CountAsync());
    }

    [Fact]
    public async Task ATransactionLeftWithoutCommitGivesTheGateBackAndKeepsNothing()
    {
        await using (var abandoned = await Factory.CreateDbContextAsync())
        {
            await using var tx = await abandoned.Database.BeginTransactionAsync();
            abandoned.Activity.Add(Entry("abandoned"));
            await abandoned.SaveChangesAsync();
        }

        await AddAsync("after").WaitAsync(Deadline);
        await using var db = await Factory.CreateDbContextAsync();
        Assert.Equal(["after"], await db.Activity.Select(a => a.Message).ToListAsync());
    }

    [Fact]
    public async Task AFailedWriteGivesTheGateBack()
    {
        await AddAsync("kept");
        await using (var db = await Factory.CreateDbContextAsync())
        {
            var id = await db.Activity.Select(a => a.Id).SingleAsync();
            var duplicate = Entry("same key");
            duplicate.Id = id;
            db.Activity.Add(duplicate);
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await AddAsync("after").WaitAsync(Deadline);
        Assert.Equal(2, await CountAsync());
    }

    [Fact]
    public async Task ManyWritersAtOnceAllCommit()
    {
        await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() => AddAsync($"writer {i}")))).WaitAsync(Deadline);
        Assert.Equal(64, await CountAsync());
    }

    [Fact]
    public async Task EveryConnectionWritesWithNormalSyncAndWaitsForAnotherProcessItself()
    {
        // Several uses of the pooled connections: the pragmas hold on each, set once per native connection.
        for (var i = 0; i < 3; i++)
        {
            await AddAsync($"use {i}");
            await using var db = await Factory.CreateDbContextAsync();
            await db.Database.OpenConnectionAsync();
            Assert.Equal(1L, await ScalarAsync(db, "PRAGMA synchronous;"));
            Assert.Equal(30000L, await ScalarAsync(db, "PRAGMA busy_timeout;"));
            Assert.Equal(0L, await ScalarAsync(db, "PRAGMA wal_autocheckpoint;"));
            Assert.Equal("wal", await ScalarAsync(db, "PRAGMA journal_mode;"));
        }
    }

    [Fact]
    public async Task CommitsLeaveTheWalToTheCheckpointerWhichCopiesItAndStartsItOver()
    {
        var paths = _host.Services.GetRequiredService<DataPaths>();
        var file = new FileInfo(paths.SqliteFile);
        var before = file.Length;

        // About 2,500 pages of 4 KiB: SQLite's own automatic checkpoint would have run at 1,000.
        await WritePagesAsync(25);
        file.Refresh();
        Assert.Equal(before, file.Length);

        Assert.Equal(0, (await Checkpointer().CheckpointAsync()).Pages);
        file.Refresh();
        Assert.True(file.Length > before + (8 << 20), $"the database file grew from {before} to {file.Length} bytes");

        // Started over: fewer pages than before overwrite the WAL from its start instead of growing it.
        var wal = new FileInfo(paths.SqliteFile + "-wal");
        var walBefore = wal.Length;
        await WritePagesAsync(20);
        wal.Refresh();
        Assert.Equal(walBefore, wal.Length);
        Assert.Equal(4500, await CountAsync());
    }

    [Fact]
    public async Task AReaderInsideTheWalPostponesTheRestartWithoutHoldingWritersAndTheNextPassDoesIt()
    {
        await WritePagesAsync(25);
        await using (var reader = new SqliteConnection($"Data Source={_host.Services.GetRequiredService<DataPaths>().SqliteFile}"))
        {
            await reader.OpenAsync();
            await using var snapshot = reader.BeginTransaction(deferred: true);
            await using (var read = reader.CreateCommand())
            {
                read.CommandText = "SELECT count(*) FROM activity;";
                Assert.Equal(2500L, await read.ExecuteScalarAsync());
            }

            await WritePagesAsync(1);
            Assert.True((await Checkpointer().CheckpointAsync()).Pages > 0, "the WAL started over under a reader that still needs it");

            // The writers were given back their gate.
            await AddAsync("after").WaitAsync(Deadline);
        }

        Assert.Equal(0, (await Checkpointer().CheckpointAsync()).Pages);
    }

    [Fact]
    public async Task TheGateCountsWritesAndNotReadsSoTheCheckpointerKnowsWhenItHasNothingToDo()
    {
        var gate = _host.Services.GetRequiredService<SqliteWriteGate>();
        await AddAsync("first");
        var written = gate.Writes;

        var nextWrite = gate.WrittenSinceAsync(written, CancellationToken.None);

        Assert.Equal(1, await CountAsync());
        Assert.Equal(written, gate.Writes);
        Assert.False(nextWrite.IsCompleted, "a read completed the wait for a write");

        await AddAsync("second");
        Assert.True(gate.Writes > written, "a write was not counted");
        await nextWrite.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(gate.WrittenSinceAsync(written, CancellationToken.None).IsCompleted, "a wait for a past write did not end at once");
        var (pages, copied) = await Checkpointer().CheckpointAsync();
        Assert.True(pages > 0 && copied == pages, $"the checkpoint copied {copied} of {pages} pages");
    }

    [Fact]
    public async Task LogLinesGoInAsManyStatementsAsTheProviderAllowsAndReadBackAsWritten()
    {
        var start = new DateTime(2026, 11, 24, 8, 0, 0, DateTimeKind.Utc).AddTicks(1234567);
        var lines = Enumerable.Range(1, (2 * Rows.MaxParameters / 5) + 1)
            .Select(i => new RunLogRecord { RunId = "run", Seq = i, At = start.AddMilliseconds(i), Kind = i % 2 == 0 ? "tool" : "model", Message = $"line {i} with 'quotes', {{braces}} and \"more\"" })
            .ToList();

        await using (var db = await Factory.CreateDbContextAsync())
        {
            await new Rows(db).Insert(lines).ExecuteAsync();
        }

        await using var read = await Factory.CreateDbContextAsync();
        var stored = await read.RunLog.Where(l => l.RunId == "run").OrderBy(l => l.Seq).ToListAsync();
        Assert.Equal(
            lines.Select(l => (l.Seq, l.At, l.Kind, l.Message)),
            stored.Select(l => (l.Seq, DateTime.SpecifyKind(l.At, DateTimeKind.Utc), l.Kind, l.Message)));
        Assert.Equal(stored.Count, stored.Select(l => l.Id).Distinct().Count());
    }

    [Fact]
    public async Task RowsAreStoredAndUpdatedAsTheModelMapsThem()
    {
        var at = new DateTime(2026, 11, 25, 1, 2, 3, DateTimeKind.Utc).AddTicks(4567);
        var bot = new BotRecord { Id = "bot", OwnerId = "owner", Name = "Scout", Prompt = "Find 'shoes'", Model = "m", DocsPath = "bots/bot", Tools = ["browser"], CreatedAt = at, UpdatedAt = at };
        var result = new ResultRecord { Id = "result", BotId = "bot", RunId = "run", Title = "Nike — 35 €", DedupKey = "k", Metadata = new() { ["price"] = "35 €" }, CreatedAt = at };
        var changed = new BotRecord { Id = "bot", OwnerId = "owner", Name = "Scout", Prompt = "Find 'shoes'", Model = "m", DocsPath = "bots/bot", Tools = ["browser", "files"], Status = "running", ActiveRunId = "run", CreatedAt = at, UpdatedAt = at.AddSeconds(1) };
        await using (var db = await Factory.CreateDbContextAsync())
        {
            await new Rows(db).Insert([bot]).Insert([result]).Update(changed, bot).ExecuteAsync();
        }

        await using var read = await Factory.CreateDbContextAsync();
        Assert.Equivalent(changed, await read.Bots.AsNoTracking().SingleAsync(), strict: true);
        Assert.Equivalent(result, await read.Results.AsNoTracking().SingleAsync(), strict: true);
    }

    [Fact]
    public async Task ANumberedRowGetsTheNumberTheDatabaseGaveIt()
    {
        await AddAsync("numbered by SaveChanges");
        var first = Entry("first");
        var second = Entry("second");
        await using (var db = await Factory.CreateDbContextAsync())
        {
            await new Rows(db).InsertNumbered(first).Insert([Entry("between")]).InsertNumbered(second).ExecuteAsync();
        }

        await using var read = await Factory.CreateDbContextAsync();
        var stored = await read.Activity.AsNoTracking().Where(a => a.Id == first.Id || a.Id == second.Id).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["first", "second"], stored.Select(a => a.Message));
        Assert.Equal(first.Id + 2, second.Id);
        Assert.Equivalent(second, stored[1], strict: true);
    }

    [Fact]
    public async Task RowsRefuseWhatSaveChangesRefuses()
    {
        var bot = new BotRecord { Id = "bot", OwnerId = "owner", Name = "Scout", Prompt = "p", Model = "m", DocsPath = "bots/bot" };
        await using var db = await Factory.CreateDbContextAsync();
        await new Rows(db).Insert([bot]).ExecuteAsync();

        await Assert.ThrowsAsync<DbUpdateException>(() => new Rows(db).Insert([bot]).ExecuteAsync());
        var gone = new BotRecord { Id = "gone", OwnerId = "owner", Name = "Gone", Prompt = "p", Model = "m", DocsPath = "bots/gone", Status = "running" };
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => new Rows(db).Update(gone, [nameof(BotRecord.Status)]).ExecuteAsync());

        // In one command with rows that are there, the numbered insert's row counts as one of the rows it changed.
        var running = new BotRecord { Id = "bot", OwnerId = "owner", Name = "Scout", Prompt = "p", Model = "m", DocsPath = "bots/bot", Status = "running" };
        await new Rows(db).InsertNumbered(Entry("numbered")).Update(running, [nameof(BotRecord.Status)]).ExecuteAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => new Rows(db).InsertNumbered(Entry("numbered too")).Update(gone, [nameof(BotRecord.Status)]).ExecuteAsync());

        // The refused writes gave the gate back.
        await AddAsync("after").WaitAsync(Deadline);
    }

    [Fact]
    public async Task AContextGroupCommitUsedGoesBackToThePoolAsItCame()
    {
        DbContextId used = default;
        await _host.Services.GetRequiredService<GroupCommit>().SaveAsync(rows =>
        {
            used = rows.Context.ContextId;
            rows.Context.Activity.Add(Entry("saved"));
        });

        await using var next = await Factory.CreateDbContextAsync();
        Assert.Equal(used.InstanceId, next.ContextId.InstanceId);
        Assert.True(next.Database.AutoSavepointsEnabled);
    }

    [Fact]
    public async Task WritesThatArriveDuringACommitShareTheNextOne()
    {
        var commits = _host.Services.GetRequiredService<GroupCommit>();
        var stagedOn = new ConcurrentDictionary<string, DbContextId>();
        Task Save(string message) => commits.SaveAsync(rows =>
        {
            stagedOn[message] = rows.Context.ContextId;
            rows.Context.Activity.Add(Entry(message));
        });

        Task first;
        List<Task> next;
        using (await _host.Services.GetRequiredService<SqliteWriteGate>().HoldAsync(CancellationToken.None))
        {
            // The first write commits at once, in its caller's flow; here it waits for the gate.
            first = Save("first");
            next = [.. Enumerable.Range(0, 20).Select(i => Save($"next {i}"))];
            Assert.False(first.IsCompleted || next.Any(t => t.IsCompleted), "a write was stored while the gate was held");
        }

        await Task.WhenAll([first, .. next]).WaitAsync(Deadline);
        Assert.Equal(21, await CountAsync());
        Assert.Single(Enumerable.Range(0, 20).Select(i => stagedOn[$"next {i}"]).Distinct());
        Assert.NotEqual(stagedOn["first"], stagedOn["next 0"]);
    }

    [Fact]
    public async Task AConflictInASharedCommitFailsOnlyItsOwnWrite()
    {
        await AddAsync("taken");
        long taken;
        await using (var db = await Factory.CreateDbContextAsync())
        {
            taken = await db.Activity.Select(a => a.Id).SingleAsync();
        }

        var commits = _host.Services.GetRequiredService<GroupCommit>();
        Task Save(ActivityRecord entry) => commits.SaveAsync(rows => rows.Context.Activity.Add(entry));

        Task conflicting;
        List<Task> others;
        using (await _host.Services.GetRequiredService<SqliteWriteGate>().HoldAsync(CancellationToken.None))
        {
            var leader = Save(Entry("leader"));
            var duplicate = Entry("same key");
            duplicate.Id = taken;
            conflicting = Save(duplicate);
            others = [leader, .. Enumerable.Range(0, 5).Select(i => Save(Entry($"other {i}")))];
        }

        await Task.WhenAll(others).WaitAsync(Deadline);
        await Assert.ThrowsAsync<DbUpdateException>(() => conflicting.WaitAsync(Deadline));
        await using var read = await Factory.CreateDbContextAsync();
        Assert.Equal(
            ["leader", "other 0", "other 1", "other 2", "other 3", "other 4", "taken"],
            (await read.Activity.Select(a => a.Message).ToListAsync()).Order());
    }

    [Theory]
    [InlineData("INSERT INTO \"activity\" (\"at\") VALUES (@p0) RETURNING \"id\";", true)]
    [InlineData("  UPDATE \"bots\" SET \"status\" = 'idle'", true)]
    [InlineData("\nDELETE FROM \"run_log\" WHERE 1", true)]
    [InlineData("REPLACE INTO x VALUES (1)", true)]
    [InlineData("SELECT \"r\".\"id\" FROM \"runs\" AS \"r\"", false)]
    [InlineData("PRAGMA synchronous=NORMAL;", false)]
    public void WritesAreToldFromReads(string sql, bool write) => Assert.Equal(write, SqliteWriteGate.IsWrite(sql));

    [Theory]
    [InlineData(CommandSource.ExecuteUpdate, "WITH \"gone\" AS (SELECT 1) UPDATE \"bots\" SET \"status\" = 'idle'", true)]
    [InlineData(CommandSource.ExecuteDelete, "DELETE FROM \"run_log\" WHERE 1", true)]
    [InlineData(CommandSource.SaveChanges, "INSERT INTO \"activity\" (\"at\") VALUES (@p0) RETURNING \"id\";", true)]
    [InlineData(CommandSource.LinqQuery, "SELECT \"r\".\"id\" FROM \"runs\" AS \"r\"", false)]
    [InlineData(CommandSource.ExecuteSqlRaw, "UPDATE \"bots\" SET \"status\" = 'idle'", true)]
    [InlineData(CommandSource.ExecuteSqlRaw, "PRAGMA optimize;", false)]
    public void WritesAreToldByWhereEfCoreSaysTheyComeFrom(CommandSource source, string sql, bool write) =>
        Assert.Equal(write, SqliteWriteGate.IsWrite(source, sql));

    private static async Task<object?> ScalarAsync(OrchestratorDbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private SqliteCheckpointer Checkpointer() =>
        ActivatorUtilities.CreateInstance<SqliteCheckpointer>(_host.Services, $"Data Source={_host.Services.GetRequiredService<DataPaths>().SqliteFile}");

    /// <summary>Commits of 100 rows of 4,000 characters each: about 100 pages of 4 KiB per commit.</summary>
    private async Task WritePagesAsync(int commits)
    {
        var text = new string('x', 4000);
        for (var commit = 0; commit < commits; commit++)
        {
            await using var db = await Factory.CreateDbContextAsync();
            db.Activity.AddRange(Enumerable.Range(0, 100).Select(_ => Entry(text)));
            await db.SaveChangesAsync();
        }
    }

    private async Task AddAsync(string message)
    {
        await using var db = await Factory.CreateDbContextAsync();
        db.Activity.Add(Entry(message));
        await db.SaveChangesAsync();
    }

    private async Task<int> CountAsync()
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.Activity.CountAsync();
    }

    private static ActivityRecord Entry(string message) =>
        new() { OwnerId = "owner", BotId = "bot", Kind = "test", Message = message, At = DateTime.UtcNow };
}
