using System.Diagnostics;
using System.Net.Http.Json;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Bench;

/// <summary>
/// <c>idle [seconds] [runs]</c>: what the silo costs at rest. One silo process of the Release build on
/// its embedded defaults (SQLite, one node), a user and a bot; after a minute to settle, the CPU the
/// process uses over <c>seconds</c> with nothing to do, then per run for <c>runs</c> lone runs, one
/// every two seconds (each waited for), as a user's manual runs come. Read from the process itself,
/// twice: in a new process, and after 500 more runs back to back, when .NET has compiled the run
/// path at its final tier (until then every method called often enough is compiled again, in the
/// background, and that is most of what a lone run costs). Beside it, for the floor, a bare Orleans silo
/// (<see cref="BareSilo"/>) is read over the same minutes at rest.
/// </summary>
public static class IdleBenchmark
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(60);
    private const int WarmRuns = 500;

    /// <summary>
    /// Between lone runs, as a user's manual runs come. Half a second was tried to shrink the share of rest
    /// subtracted, and read 8–9 ms per run against 2–7 ms at two seconds on the same build: runs that close
    /// together are not alone.
    /// </summary>
    private static readonly TimeSpan LoneGap = TimeSpan.FromSeconds(2);

    public static async Task RunAsync(int seconds, int runs)
    {
        var dataPath = TempDirectory.Create("oo-bench-idle-");
        await using var model = await ThroughputBenchmark.StartModelAsync();
        try
        {
            await using var silo = await SiloProcess.StartAsync(dataPath, new Dictionary<string, string>
            {
                ["OPENAI_API_KEY"] = "bench",
                ["OPENAI_BASE_URL"] = model.BaseUrl.ToString(),
                ["Models__Default"] = "scripted-model",
                ["Auth__Registration"] = "open",
                // The warming runs come back to back, faster than a user's requests may.
                ["Api__RequestsPerSecond"] = "1000000",
                ["Api__Burst"] = "1000000",
            });
            // The silo's thread-pool setting (its runtime configuration), given to the bare one as the runtime's variable.
            await using var bare = await SiloProcess.StartAsync(dataPath, new Dictionary<string, string>
            {
                [BareSilo.Role] = "1",
                ["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0",
            }, siloDll: typeof(BareSilo).Assembly.Location);
            using var client = silo.CreateClient();
            await client.SignUpAsync("idle@example.com");
            var bot = await client.CreateBotAsync(ApiClient.Spec("Idle bot"));

            // A new process: the run path compiled once (at its first tier), then time for the start-up's work to end.
            for (var i = 0; i < 5; i++)
            {
                await RunOnceAsync(client, bot.Id);
            }

            await ReadAsync("new process", client, bot.Id, silo, bare, seconds, runs);

            // A process that has worked: enough runs back to back that the run path is compiled at its final tier.
            for (var i = 0; i < WarmRuns; i++)
            {
                await RunOnceAsync(client, bot.Id);
            }

            await ReadAsync($"after {WarmRuns} more runs", client, bot.Id, silo, bare, seconds, runs);
        }
        finally
        {
            TempDirectory.DeleteQuietly(dataPath);
        }
    }

    /// <summary>After a minute to settle: the CPU at rest over <paramref name="seconds"/> (the bare silo's too), then per lone run.</summary>
    private static async Task ReadAsync(string state, HttpClient client, string botId, SiloProcess silo, SiloProcess bare, int seconds, int runs)
    {
        await Task.Delay(Settle);
        var before = silo.ProcessorTime;
        var bareBefore = bare.ProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var idle = (silo.ProcessorTime - before) / clock.Elapsed;
        var bareIdle = (bare.ProcessorTime - bareBefore) / clock.Elapsed;
        Console.WriteLine($"{state}: at rest {100 * idle:F2} % of one core over {clock.Elapsed.TotalSeconds:F0} s; a bare Orleans silo beside it {100 * bareIdle:F2} %");

        // The process's clock counts in ticks of 10 ms, more than a lone run costs: each half of the
        // runs is read as one span, the runs and the quiet time between them, less what rest costs in it.
        var half = runs / 2;
        var first = await LoneRunsAsync(client, botId, runs - half, silo, idle);
        var last = await LoneRunsAsync(client, botId, half, silo, idle);
        Console.WriteLine($"{state}: CPU per lone run {first:F2} ms over the first {runs - half}, {last:F2} ms over the last {half}");
    }

    /// <summary>Runs <paramref name="count"/> lone runs <see cref="LoneGap"/> apart; the CPU per run, less rest's share.</summary>
    private static async Task<double> LoneRunsAsync(HttpClient client, string botId, int count, SiloProcess silo, double idle)
    {
        var start = silo.ProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await Task.Delay(LoneGap);
            await RunOnceAsync(client, botId);
        }

        await Task.Delay(TimeSpan.FromMilliseconds(500));
        return ((silo.ProcessorTime - start) - clock.Elapsed * idle).TotalMilliseconds / count;
    }

    private static async Task RunOnceAsync(HttpClient client, string botId)
    {
        var run = await client.StartRunAsync(botId);
        var done = (await client.GetFromJsonAsync<RunView>($"/api/runs/{run.Id}?wait=60"))!;
        if (done.Status != RunStatuses.Completed)
        {
            throw new InvalidOperationException($"Run {run.Id} ended {done.Status}: {done.Error}");
        }
    }
}
