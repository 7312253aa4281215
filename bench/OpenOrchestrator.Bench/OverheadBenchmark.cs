using System.Diagnostics;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Bench;

/// <summary>
/// Orchestration overhead of one run, measured against a bare Semantic Kernel call to the same
/// local model server, both in this one process: see bench/README.md.
/// </summary>
public static class OverheadBenchmark
{
    /// <summary>Calls of each side per round.</summary>
    private const int Round = 100;

    /// <summary><c>overhead [iterations]</c> (default), <c>schedules [bots] [slots] [spread s]</c>, <c>chain [chains]</c>, <c>throughput [bots] [s] [at a time]</c>, <c>throughput-cluster [bots] [s] [at a time] [silos]</c>, <c>browser [bots] [s]</c>, <c>reads [results…]</c>, <c>firstload [repeats] [published folder]</c>, <c>firstload-floor [repeats]</c>.</summary>
    public static async Task Main(string[] args)
    {
        if (Environment.GetEnvironmentVariable(BareSilo.Role) is not null)
        {
            await BareSilo.RunAsync(args);
            return;
        }

        switch (args.FirstOrDefault())
        {
            case "schedules":
                await ScheduleBenchmark.RunAsync(Arg(args, 1, 10_100), Arg(args, 2, 2), Arg(args, 3, 60));
                return;
            case "throughput":
                await ThroughputBenchmark.RunAsync(Arg(args, 1, 10_000), Arg(args, 2, 60), Arg(args, 3, 256));
                return;
            case "throughput-process":
                await ClusterThroughputBenchmark.RunOnSqliteAsync(Arg(args, 1, 10_000), Arg(args, 2, 60), Arg(args, 3, 256));
                return;
            case "idle":
                await IdleBenchmark.RunAsync(Arg(args, 1, 60), Arg(args, 2, 20));
                return;
            case "throughput-cluster":
                await ClusterThroughputBenchmark.RunAsync(Arg(args, 1, 10_000), Arg(args, 2, 60), Arg(args, 3, 256), Arg(args, 4, 2));
                return;
            case "chain":
                await ChainBenchmark.RunAsync(Arg(args, 1, 200));
                return;
            case "browser":
                await BrowserBenchmark.RunAsync(Arg(args, 1, 4), Arg(args, 2, 60));
                return;
            case "firstload":
                await FirstLoadBenchmark.RunAsync(Arg(args, 1, 10), args.Length > 2 ? args[2] : null);
                return;
            case "firstload-floor":
                await FirstLoadBenchmark.RunFloorAsync(Arg(args, 1, 10));
                return;
            case "reads":
                await ReadsBenchmark.RunAsync(args.Length > 1 ? [.. args[1..].Select(int.Parse)] : [1_000, 1_000_000]);
                return;
            case "overhead":
                args = args[1..];
                break;
        }

        var iterations = Arg(args, 0, 300);

        await using var model = await ScriptedModelServer.StartAsync(OverheadScript.Reply);
        model.KeepsRequests = false;
        var bare = new BareKernelRun(model.BaseUrl);
        await using var full = await OrchestratedRun.StartAsync(model);

        // Both paths share the connector, the HTTP stack and the model server: the whole run's warm-up
        // also finishes tiering up what the bare call uses, so it goes second.
        Console.WriteLine($"bare Semantic Kernel call: {await JitWarmUp.RunAsync(bare.RunAsync)}");
        Console.WriteLine($"OpenOrchestrator run: {await JitWarmUp.RunAsync(full.RunAsync)}");

        // Rounds of each in turn: both sides see the same state of the machine, minute by minute.
        var rounds = Math.Max(1, iterations / Round);
        var threads = ThreadPool.ThreadCount;
        var collections = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
        var bareTimes = new List<double>();
        var fullTimes = new List<double>();
        var added = new double[rounds];
        for (var round = 0; round < rounds; round++)
        {
            var bareRound = await MeasureAsync(bare.RunAsync);
            var fullRound = await MeasureAsync(full.RunAsync);
            added[round] = Report.Percentile(fullRound, 50) - Report.Percentile(bareRound, 50);
            bareTimes.AddRange(bareRound);
            fullTimes.AddRange(fullRound);
        }

        Console.WriteLine();
        Console.WriteLine($"iterations: {rounds * Round} each, in {rounds} rounds of {Round} bare calls then {Round} runs; one tool call and two streamed model calls each");
        Report.Print([.. bareTimes], [.. fullTimes]);
        Console.WriteLine($"added median per round: {added.Min():F2}–{added.Max():F2} ms (median of rounds {Report.Percentile(added, 50):F2} ms)");
        Console.WriteLine($"thread pool: {threads} threads before, {ThreadPool.ThreadCount} after; garbage collections (gen 0/1/2): {string.Join("/", collections.Select((c, g) => GC.CollectionCount(g) - c))}");

        static int Arg(string[] args, int index, int fallback) => args.Length > index ? int.Parse(args[index]) : fallback;

        static async Task<double[]> MeasureAsync(Func<Task> run)
        {
            var times = new double[Round];
            for (var i = 0; i < Round; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await run();
                times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }

            return times;
        }
    }
}
