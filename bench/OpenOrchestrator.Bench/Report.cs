namespace OpenOrchestrator.Bench;

public static class Report
{
    public static void Print(double[] bare, double[] full)
    {
        Console.WriteLine($"{"",-24}{"median",10}{"p90",10}{"p99",10}{"mean",10}  (ms)");
        Row("bare Semantic Kernel", bare);
        Row("OpenOrchestrator run", full);
        var added50 = Percentile(full, 50) - Percentile(bare, 50);
        var added99 = Percentile(full, 99) - Percentile(bare, 99);
        Console.WriteLine($"added by orchestration: median {added50:F2} ms (target ≤ 2), p99 {added99:F2} ms (target ≤ 10)");
        Console.WriteLine($"ratio of medians: {Percentile(full, 50) / Percentile(bare, 50):F2}×");
    }

    private static void Row(string name, double[] times) =>
        Console.WriteLine($"{name,-24}{Percentile(times, 50),10:F2}{Percentile(times, 90),10:F2}{Percentile(times, 99),10:F2}{times.Average(),10:F2}");

    public static double Percentile(double[] values, double percentile)
    {
        var sorted = values.Order().ToArray();
        var rank = Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1);
        return sorted[rank];
    }

    public static void Latency(string name, double[] times)
    {
        Console.WriteLine($"{"",-28}{"median",10}{"p90",10}{"p99",10}{"max",10}  (ms, n = {times.Length})");
        Console.WriteLine($"{name,-28}{Percentile(times, 50),10:F2}{Percentile(times, 90),10:F2}{Percentile(times, 99),10:F2}{times.Max(),10:F2}");
    }

    public static void Lateness(string name, double[] times, string baselineName, double[] baseline)
    {
        Console.WriteLine($"{"lateness",-28}{"median",10}{"p90",10}{"p99",10}{"max",10}  (ms)");
        foreach (var (label, values) in new[] { (name, times), (baselineName, baseline) })
        {
            Console.WriteLine($"{label,-28}{Percentile(values, 50),10:F2}{Percentile(values, 90),10:F2}{Percentile(values, 99),10:F2}{values.Max(),10:F2}  (n = {values.Length})");
        }

        Console.WriteLine($"p99 ratio: {Percentile(times, 99) / Math.Max(0.001, Percentile(baseline, 99)):F2}× (target: p99 ≤ 100 ms and ≤ 3× the bare loop's)");
    }
}
