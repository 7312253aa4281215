using System.Diagnostics;
using System.Runtime;

namespace OpenOrchestrator.Bench;

/// <summary>
/// Runs a path until the runtime has stopped compiling for it. Tiered compilation keeps recompiling a
/// large app's hot methods (Tier0, instrumented Tier0, Tier1 with dynamic PGO) for 15–20 s of steady
/// runs after they are first called, and on two cores that work competes with the path itself: a
/// service that has run for a minute is past it, a measurement taken during it measures the JIT.
/// </summary>
public static class JitWarmUp
{
    /// <summary>
    /// Batches of <paramref name="batch"/> runs until three in a row each compiled fewer than
    /// <paramref name="quietMethods"/> methods (the runtime tiers methods up in bursts), or the time is up.
    /// </summary>
    public static async Task<Settled> RunAsync(Func<Task> run, int batch = 50, int quietMethods = 10, int maxSeconds = 120)
    {
        var started = Stopwatch.GetTimestamp();
        var first = JitInfo.GetCompiledMethodCount();
        var runs = 0;
        var quiet = 0;
        while (Stopwatch.GetElapsedTime(started).TotalSeconds < maxSeconds)
        {
            var before = JitInfo.GetCompiledMethodCount();
            for (var i = 0; i < batch; i++)
            {
                await run();
            }

            runs += batch;
            quiet = JitInfo.GetCompiledMethodCount() - before < quietMethods ? quiet + 1 : 0;
            if (quiet == 3)
            {
                return new Settled(runs, JitInfo.GetCompiledMethodCount() - first, Stopwatch.GetElapsedTime(started), true);
            }
        }

        return new Settled(runs, JitInfo.GetCompiledMethodCount() - first, Stopwatch.GetElapsedTime(started), false);
    }

    public sealed record Settled(int Runs, long Methods, TimeSpan Took, bool Quiet)
    {
        public override string ToString() =>
            $"{(Quiet ? "JIT settled" : "JIT still compiling")} after {Runs} more runs ({Methods} methods compiled, {Took.TotalSeconds:F1} s)";
    }
}
