using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Silo.Storage;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Bench;

/// <summary>
/// <see cref="ThroughputBenchmark"/> against real silo processes (the Release build) on one
/// PostgreSQL database, with Redis clustering when there is more than one: the cluster topology of
/// docs/deployment.md on this machine. Needs OO_BENCH_POSTGRES (a connection string without a
/// database; scripts/postgres.sh starts a server) and, for several silos, Redis on OO_BENCH_REDIS
/// (default 127.0.0.1:6379; scripts/redis.sh). <see cref="RunOnSqliteAsync"/> measures one silo
/// process on its embedded default instead: what a user of the README's first command sees.
/// </summary>
public static class ClusterThroughputBenchmark
{
    /// <summary><c>throughput-process</c>: one silo process on its own SQLite file, the client in this process, over loopback.</summary>
    public static async Task RunOnSqliteAsync(int bots, int seconds, int concurrency)
    {
        var dataPath = TempDirectory.Create("oo-bench-process-");
        await using var model = await ThroughputBenchmark.StartModelAsync();
        try
        {
            var variables = Variables(model.BaseUrl, database: null, silos: 1);
            await using (var silo = await SiloProcess.StartAsync(dataPath, variables))
            {
                var client = silo.CreateClient();
                await client.SignUpAsync("bench@example.com");
                Console.WriteLine("one silo process on SQLite (its embedded default)");
                await ThroughputBenchmark.MeasureAsync([client], bots, seconds, concurrency);
            }

            var file = Directory.GetFiles(dataPath, "orchestrator.db", SearchOption.AllDirectories).Single();
            var options = new DbContextOptionsBuilder<SqliteOrchestratorDbContext>().UseSqlite($"Data Source={file}").UseSnakeCaseNamingConvention().Options;
            await ThroughputBenchmark.BatchedWriterAsync(_ => Task.FromResult<OrchestratorDbContext>(new SqliteOrchestratorDbContext(options)), TimeSpan.FromSeconds(Math.Min(seconds, 30)));
        }
        finally
        {
            TempDirectory.DeleteQuietly(dataPath);
        }
    }

    public static async Task RunAsync(int bots, int seconds, int concurrency, int silos)
    {
        var server = Environment.GetEnvironmentVariable("OO_BENCH_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException("Set OO_BENCH_POSTGRES, e.g. \"Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres\" (scripts/postgres.sh).");
        }

        // Each silo's pool stays within its share of PostgreSQL's 100 connections (docs/deployment.md).
        var database = $"{server};Database={$"oo_bench_{Guid.NewGuid():N}"[..20]};Maximum Pool Size={80 / silos}";
        var dataPath = TempDirectory.Create("oo-bench-cluster-");
        await using var model = await ThroughputBenchmark.StartModelAsync();
        var processes = new List<SiloProcess>();
        try
        {
            for (var i = 0; i < silos; i++)
            {
                processes.Add(await SiloProcess.StartAsync(dataPath, Variables(model.BaseUrl, database, silos)));
            }

            var clients = processes.Select(p => p.CreateClient()).ToList();
            await clients[0].SignUpAsync("bench@example.com");
            clients.ForEach(c => c.DefaultRequestHeaders.Authorization = clients[0].DefaultRequestHeaders.Authorization);
            Console.WriteLine($"{silos} silo process(es) on PostgreSQL{(silos > 1 ? " with Redis clustering" : "")}");
            await ThroughputBenchmark.MeasureAsync(clients, bots, seconds, concurrency);

            var options = new DbContextOptionsBuilder<PostgreSqlOrchestratorDbContext>().UseNpgsql(database).UseSnakeCaseNamingConvention().Options;
            await ThroughputBenchmark.BatchedWriterAsync(_ => Task.FromResult<OrchestratorDbContext>(new PostgreSqlOrchestratorDbContext(options)), TimeSpan.FromSeconds(Math.Min(seconds, 30)));
        }
        finally
        {
            foreach (var process in processes)
            {
                await process.DisposeAsync();
            }

            TempDirectory.DeleteQuietly(dataPath);
        }
    }

    private static Dictionary<string, string> Variables(Uri model, string? database, int silos)
    {
        var variables = new Dictionary<string, string>
        {
            ["OPENAI_API_KEY"] = "bench",
            ["OPENAI_BASE_URL"] = model.ToString(),
            ["Models__Default"] = "scripted-model",
            ["Auth__Registration"] = "open",
            ["Auth__SignInAttemptsPerMinute"] = "1000000",
            ["Api__RequestsPerSecond"] = "1000000",
            ["Api__Burst"] = "1000000",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        if (database is not null)
        {
            variables["Database__Provider"] = "PostgreSQL";
            variables["ConnectionStrings__orchestrator"] = database;
        }

        if (silos > 1)
        {
            variables["Orleans__Clustering"] = "Redis";
            variables["ConnectionStrings__redis"] = Environment.GetEnvironmentVariable("OO_BENCH_REDIS") is { Length: > 0 } redis ? redis : "127.0.0.1:6379";
            variables["Orleans__ClusterId"] = $"oo-bench-{Guid.NewGuid():N}";
            variables["Orleans__AdvertisedIPAddress"] = "127.0.0.1";
        }

        return variables;
    }
}
