using System.Globalization;
using System.Runtime.InteropServices;
using OpenOrchestrator.LiveBench;

// dotnet run --project bench/OpenOrchestrator.LiveBench -c Release [--no-build] -- [all|log|baseline|load] [repetitions]
var mode = args.Length > 0 ? args[0] : "all";
var repetitions = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
if (mode is not ("all" or "log" or "baseline" or "load"))
{
    Console.Error.WriteLine("usage: OpenOrchestrator.LiveBench [all|log|baseline|load] [first-load repetitions, default 10]");
    return 2;
}

Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · {Environment.ProcessorCount} CPU · {RuntimeInformation.OSDescription} · .NET {Environment.Version} · Chromium {Browser.ChromiumPath}");
var (playwright, browser) = await Browser.LaunchAsync();
Console.WriteLine($"Chromium {browser.Version}, headless");
var measurements = new List<LogToBrowser.Measurement>();
FirstLoad.Result? load = null;
try
{
    var pace = TimeSpan.FromMilliseconds(5);
    var count = LogScript.Rounds * LogScript.CallsPerRound * 2;
    if (mode is "all" or "log" or "load")
    {
        await using var silo = await BenchSilo.StartAsync();
        Console.WriteLine($"silo {silo.Silo.BaseUrl} (Release, SQLite), scripted model {silo.Model.BaseUrl}");
        if (mode is "all" or "log")
        {
            // Warm-up run (discarded): the silo's first run and first hub messages pay for JIT.
            await LogToBrowser.MeasureAsync(silo, browser, LogToBrowser.Client.HubProtocol, "warm-up");
            var hub = await LogToBrowser.MeasureAsync(silo, browser, LogToBrowser.Client.HubProtocol, "run log → hub → bare SignalR page");
            measurements.Add(hub);
            measurements.Add(await LogToBrowser.MeasureAsync(silo, browser, LogToBrowser.Client.Dashboard, "run log → hub → dashboard [data-seq]"));

            // Pace the baseline like the log: its mean gap between lines.
            if (hub.LogLines > 1)
            {
                pace = TimeSpan.FromMilliseconds(Math.Clamp(hub.RunSpanMs / (hub.LogLines - 1), 1, 50));
                count = Math.Max(200, hub.LogLines);
            }
        }

        if (mode is "all" or "load")
        {
            load = await FirstLoad.MeasureAsync(silo, playwright, repetitions);
        }
    }

    if (mode is "all" or "baseline")
    {
        measurements.Add(await WebSocketBaseline.MeasureAsync(browser, count, pace));
    }
}
finally
{
    await browser.DisposeAsync();
    playwright.Dispose();
}

Console.WriteLine();
if (measurements.Count > 0)
{
    Stats.LatencyHeader();
    foreach (var m in measurements)
    {
        Stats.LatencyRow(m.Name, m.Latencies);
    }

    foreach (var m in measurements)
    {
        var gap = m.LogLines > 1 ? m.RunSpanMs / (m.LogLines - 1) : 0;
        Console.WriteLine($"  {m.Name}: {m.LogLines} lines over {m.RunSpanMs:F0} ms (mean gap {gap:F2} ms), run {m.RunStatus}{(m.Note is null ? "" : $" — {m.Note}")}");
    }

    Console.WriteLine();
}

if (load is not null)
{
    Stats.LoadHeader();
    Stats.LoadRow("cold (new profile, empty cache)", [.. load.Cold.Select(l => l.ReadyMs)]);
    Stats.LoadRow("warm (reload, disk cache)", [.. load.Warm.Select(l => l.ReadyMs)]);
    var cold = load.Cold[load.Cold.Count / 2];
    var warm = load.Warm[load.Warm.Count / 2];
    Console.WriteLine($"  cold load transfers {Stats.Median([.. load.Cold.Select(l => (double)l.Transferred)]) / 1024:F0} KiB (median; {cold.Requests} requests, {cold.Decoded / 1024:F0} KiB decoded)");
    Console.WriteLine($"  warm load transfers {Stats.Median([.. load.Warm.Select(l => (double)l.Transferred)]) / 1024:F0} KiB (median; {warm.Requests} requests, {warm.Decoded / 1024:F0} KiB decoded)");
}

return 0;
