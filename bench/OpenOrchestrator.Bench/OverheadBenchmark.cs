using System.Diagnostics;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Bench;

/// <summary>
/// Orchestration overhead of one run, measured against a bare Semantic Kernel call to the same
/// local model server, both in this one process: see bench/README.md.
/// </summary>
public static class OverheadBenchmark
{
    /// <summary><c>overhead [iterations]</c> (default), <c>schedules [bots] [slots] [spread s]</c>, <c>chain [chains]</c>, <c>throughput [bots] [s] [at a time]</c>, <c>throughput-cluster [bots] [s] [at a time] [silos]</c>.</summary>
    public static async Task Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "schedules":
                await ScheduleBenchmark.RunAsync(Arg(args, 1, 10_100), Arg(args, 2, 2), Arg(args, 3, 60));
                return;
            case "throughput":
                await ThroughputBenchmark.RunAsync(Arg(args, 1, 10_000), Arg(args, 2, 60), Arg(args, 3, 256));
                return;
            case "throughput-cluster":
                await ClusterThroughputBenchmark.RunAsync(Arg(args, 1, 10_000), Arg(args, 2, 60), Arg(args, 3, 256), Arg(args, 4, 2));
                return;
            case "chain":
                await ChainBenchmark.RunAsync(Arg(args, 1, 200));
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

        var bareTimes = await MeasureAsync("bare Semantic Kernel call", bare.RunAsync, iterations);
        var fullTimes = await MeasureAsync("OpenOrchestrator run", full.RunAsync, iterations);

        Console.WriteLine();
        Console.WriteLine($"iterations: {iterations} (after the warm-up above), one tool call and two streamed model calls each");
        Report.Print(bareTimes, fullTimes);

        static int Arg(string[] args, int index, int fallback) => args.Length > index ? int.Parse(args[index]) : fallback;

        static async Task<double[]> MeasureAsync(string name, Func<Task> run, int iterations)
        {
            var settled = await JitWarmUp.RunAsync(run);
            Console.WriteLine($"{name}: {settled}");

            var times = new double[iterations];
            for (var i = 0; i < iterations; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await run();
                times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }

            Console.WriteLine($"{name}: done");
            return times;
        }
    }
}
