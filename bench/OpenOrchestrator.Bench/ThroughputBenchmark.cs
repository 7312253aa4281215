using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Storage;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Bench;

/// <summary>
/// Runs per second sustained on one silo: many bots, each run again as soon as its last one ended,
/// with a model that answers after 50 ms; against a minimal batched writer of a run's main rows (the
/// finished run, three log lines, its activity entry) into the same database: the storage's limit.
/// </summary>
public static class ThroughputBenchmark
{
    private static readonly TimeSpan ModelTime = TimeSpan.FromMilliseconds(50);

    public static async Task RunAsync(int bots, int seconds, int concurrency)
    {
        await using var model = await StartModelAsync();
        var (app, client) = await BenchApp.StartAsync(model.BaseUrl);
        await using (app)
        {
            await MeasureAsync([client], bots, seconds, concurrency);
            var factory = app.Services.GetRequiredService<IDbContextFactory<OrchestratorDbContext>>();
            await BatchedWriterAsync(factory.CreateDbContextAsync, TimeSpan.FromSeconds(Math.Min(seconds, 30)));
        }
    }

    /// <summary>The scripted model: every call answers after <see cref="ModelTime"/>.</summary>
    public static async Task<ScriptedModelServer> StartModelAsync()
    {
        var model = await ScriptedModelServer.StartAsync(_ => ModelReply.Text("Done."));
        model.KeepsRequests = false;
        model.Script = async (_, cancellationToken) =>
        {
            await Task.Delay(ModelTime, cancellationToken);
            return ModelReply.Text("Done.");
        };
        return model;
    }

    /// <summary>Creates the bots through the silos in turn, then runs them through the silos in turn and prints runs/s and overhead.</summary>
    public static async Task MeasureAsync(IReadOnlyList<HttpClient> silos, int bots, int seconds, int concurrency)
    {
        var ids = await CreateBotsAsync(silos, bots, concurrency);
        Console.WriteLine($"{bots} bots created through {silos.Count} silo(s); running for {seconds} s with {concurrency} runs at a time (model: {ModelTime.TotalMilliseconds} ms)");
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var (completed, overhead) = await DriveAsync(silos, ids, concurrency, TimeSpan.FromSeconds(seconds));
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"OpenOrchestrator: {completed / (double)seconds,8:F1} runs/s ({completed} runs)");
        Console.WriteLine($"CPU time of this process per run: {cpu.TotalMilliseconds / Math.Max(1, completed):F2} ms");
        Report.Latency("run overhead (run − model)", [.. overhead]);
    }

    private static async Task<List<string>> CreateBotsAsync(IReadOnlyList<HttpClient> silos, int count, int concurrency)
    {
        var ids = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Math.Min(concurrency, 16) }, async (i, _) =>
            ids.Add((await silos[i % silos.Count].CreateBotAsync(ApiClient.Spec($"Bot {i}"))).Id));
        return [.. ids];
    }

    /// <summary>
    /// Each worker owns its share of the bots (no two workers share a bot, so none finds it running)
    /// and runs them one after another until time is up, through the silos in turn.
    /// </summary>
    private static async Task<(int Completed, List<double> OverheadMs)> DriveAsync(IReadOnlyList<HttpClient> silos, List<string> ids, int concurrency, TimeSpan duration)
    {
        var overhead = new ConcurrentBag<double>();
        var completed = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = ids.Where((_, index) => index % concurrency == worker).ToList();
            for (var i = 0; clock.Elapsed < duration; i++)
            {
                var client = silos[(i + worker) % silos.Count];
                var run = await client.StartRunAsync(mine[i % mine.Count]);
                var done = (await client.GetFromJsonAsync<RunView>($"/api/runs/{run.Id}?wait=60"))!;
                if (clock.Elapsed < duration && done.Status == RunStatuses.Completed)
                {
                    Interlocked.Increment(ref completed);
                    overhead.Add(done.DurationMs!.Value - ModelTime.TotalMilliseconds);
                }
            }
        }));
        return (completed, [.. overhead]);
    }

    /// <summary>What the database takes when nothing but the rows of finished runs are written, in batches.</summary>
    public static async Task BatchedWriterAsync(Func<CancellationToken, Task<OrchestratorDbContext>> createContext, TimeSpan duration)
    {
        var botId = Ids.New();
        var clock = Stopwatch.StartNew();
        var written = 0;
        while (clock.Elapsed < duration)
        {
            await using var db = await createContext(CancellationToken.None);
            var now = DateTime.UtcNow;
            for (var i = 0; i < 500; i++)
            {
                var runId = Ids.New();
                db.Runs.Add(new RunRecord
                {
                    Id = runId, BotId = botId, OwnerId = "bench", Trigger = RunTriggers.Manual, Status = RunStatuses.Completed,
                    Output = "Done.", CreatedAt = now, StartedAt = now, FinishedAt = now, DurationMs = 50, ModelCalls = 1, PromptTokens = 10, CompletionTokens = 5,
                });
                for (var seq = 1; seq <= 3; seq++)
                {
                    db.RunLog.Add(new RunLogRecord { RunId = runId, Seq = seq, At = now, Kind = "info", Message = "Model call 1 (scripted-model): 10 prompt + 5 completion tokens." });
                }

                db.Activity.Add(new ActivityRecord { OwnerId = "bench", BotId = botId, RunId = runId, Kind = "run_completed", Message = "no new results: Done.", At = now });
            }

            await db.SaveChangesAsync();
            written += 500;
        }

        Console.WriteLine($"batched writer:   {written / clock.Elapsed.TotalSeconds,8:F1} runs/s (the same rows, 500 runs per transaction)");
    }
}
