using System.Diagnostics;
using System.Net.Http.Json;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Bench;

/// <summary>
/// <c>idle [seconds] [runs]</c>: what the silo costs at rest. One silo process of the Release build on
/// its embedded defaults (SQLite, one node), a user and a bot; after a minute to settle, the CPU the
/// process uses over <c>seconds</c> with nothing to do, then per run for <c>runs</c> lone runs, one
/// every two seconds (each waited for), as a user's manual runs come. Read from the process itself.
/// </summary>
public static class IdleBenchmark
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(60);

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
            });
            using var client = silo.CreateClient();
            await client.SignUpAsync("idle@example.com");
            var bot = await client.CreateBotAsync(ApiClient.Spec("Idle bot"));

            // Warm: the run path compiled once, then time for the start-up's work to end.
            for (var i = 0; i < 5; i++)
            {
                await RunOnceAsync(client, bot.Id);
            }

            await Task.Delay(Settle);
            var before = silo.ProcessorTime;
            var clock = Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds(seconds));
            var idle = (silo.ProcessorTime - before) / clock.Elapsed;
            Console.WriteLine($"at rest: {100 * idle,6:F2} % of one core over {clock.Elapsed.TotalSeconds:F0} s");

            var perRun = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                await Task.Delay(TimeSpan.FromSeconds(2));
                var start = silo.ProcessorTime;
                var gap = Stopwatch.StartNew();
                await RunOnceAsync(client, bot.Id);
                // The CPU of the run and of the quiet time around it, less what rest costs in that time.
                await Task.Delay(TimeSpan.FromMilliseconds(500));
                perRun.Add(((silo.ProcessorTime - start) - gap.Elapsed * idle).TotalMilliseconds);
            }

            Report.Latency("CPU per lone run", [.. perRun]);
            Report.Latency("the last half", [.. perRun.Skip(runs / 2)]);
        }
        finally
        {
            TempDirectory.DeleteQuietly(dataPath);
        }
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
