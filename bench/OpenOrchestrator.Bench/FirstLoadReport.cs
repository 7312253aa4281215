using System.Globalization;

namespace OpenOrchestrator.Bench;

/// <summary>The first-load figures: median and max over the profiles, then what one cold load fetched.</summary>
public static class FirstLoadReport
{
    public static void Print(IReadOnlyList<PageLoad.Profile> profiles)
    {
        var cold = profiles.Select(p => p.Cold).ToArray();
        var warm = profiles.Select(p => p.Warm).ToArray();
        Console.WriteLine($"{"",-38}{"median",10}{"max",10}  (n = {profiles.Count}, each a new browser profile)");
        Row("cold: “New bot” clickable, ms", cold.Select(l => l.ReadyMs));
        Row("  runtime's first file asked for, ms", cold.Select(l => l.BootMs));
        Row("  runtime's last file arrived, ms", cold.Select(l => l.FrameworkMs));
        Row("  app's first API request sent, ms", cold.Select(l => l.ApiMs));
        Row("warm (reload): clickable, ms", warm.Select(l => l.ReadyMs));
        Row("  app's first API request sent, ms", warm.Select(l => l.ApiMs));
        Row("cold: transferred, KiB", cold.Select(l => l.Bytes / 1024.0));
        Row("cold: requests", cold.Select(l => (double)l.Fetched.Count));
        Row("warm: transferred, KiB", warm.Select(l => l.Bytes / 1024.0));
        Row("warm: requests", warm.Select(l => (double)l.Fetched.Count));

        // Same app, same files: the first cold load stands for all of them.
        var fetched = cold[0].Fetched;
        Console.WriteLine("largest responses of a cold load:");
        foreach (var f in fetched.OrderByDescending(f => f.Bytes).Take(12))
        {
            Console.WriteLine($"  {f.Path,-60}{Kib(f.Bytes),12}  {f.Encoding ?? "(none)"}");
        }

        var plain = fetched.Where(f => f.Encoding is null).OrderByDescending(f => f.Bytes).ToArray();
        Console.WriteLine($"sent without Content-Encoding: {plain.Length} of {fetched.Count} responses, {Kib(plain.Sum(f => f.Bytes))}" +
            (plain.Length == 0 ? "" : $": {string.Join(", ", plain.Take(8).Select(f => $"{f.Path} {Kib(f.Bytes)}"))}"));
    }

    private static void Row(string name, IEnumerable<double> values)
    {
        var all = values.ToArray();
        if (all.All(v => v < 0))
        {
            // Not in this app (the empty app of firstload-floor asks the API nothing).
            return;
        }

        Console.WriteLine($"{name,-38}{Report.Percentile(all, 50),10:F1}{all.Max(),10:F1}");
    }

    private static string Kib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:N1} KiB");
}
