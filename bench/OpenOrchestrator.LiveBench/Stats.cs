namespace OpenOrchestrator.LiveBench;

/// <summary>Nearest-rank percentiles and the printed table (the same idea as OpenOrchestrator.Bench's Report).</summary>
public static class Stats
{
    public static double Percentile(IReadOnlyCollection<double> values, double percentile)
    {
        var sorted = values.Order().ToArray();
        var rank = Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1);
        return sorted[rank];
    }

    public static double Median(IReadOnlyCollection<double> values) => Percentile(values, 50);

    public static void LatencyHeader() =>
        Console.WriteLine($"{"latency (appearance − stamp)",-40}{"p50",9}{"p90",9}{"p99",9}{"max",9}{"min",9}{"n",6}  (ms)");

    public static void LatencyRow(string name, IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            Console.WriteLine($"{name,-40}{"—",9}{"—",9}{"—",9}{"—",9}{"—",9}{0,6}");
            return;
        }

        Console.WriteLine($"{name,-40}{Percentile(values, 50),9:F2}{Percentile(values, 90),9:F2}{Percentile(values, 99),9:F2}{values.Max(),9:F2}{values.Min(),9:F2}{values.Count,6}");
    }
}
