using System.Globalization;
using System.Runtime.InteropServices;
using OpenOrchestrator.LiveBench;

// dotnet run --project bench/OpenOrchestrator.LiveBench -c Release [--no-build] -- [all|log|baseline] [runs]
var mode = args.Length > 0 ? args[0] : "all";
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
if (mode is not ("all" or "log" or "baseline") || runs < 1)
{
    Console.Error.WriteLine("usage: OpenOrchestrator.LiveBench [all|log|baseline] [runs per log client, default 3] (the first load: OpenOrchestrator.Bench firstload)");
    return 2;
}

Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · {Environment.ProcessorCount} CPU · {RuntimeInformation.OSDescription} · .NET {Environment.Version} · Chromium {Browser.ChromiumPath}");
Console.WriteLine($"load average at start: {LoadAverage()} (other work on the machine shows here: the figures are only as quiet as the machine)");
var (playwright, browser) = await Browser.LaunchAsync();
Console.WriteLine($"Chromium {browser.Version}, headless");
var measurements = new List<LogToBrowser.Measurement>();
try
{
    var pace = TimeSpan.FromMilliseconds(5);
    var count = LogScript.Rounds * LogScript.CallsPerRound * 2;
    if (mode is "all" or "log")
    {
        await using var silo = await BenchSilo.StartAsync();
        Console.WriteLine($"silo {silo.Silo.BaseUrl} (Release, SQLite), scripted model {silo.Model.BaseUrl}");
        {
            // Warm-up runs (discarded): the silo's first runs and hub messages pay for JIT and tiering.
            for (var i = 0; i < 2; i++)
            {
                await LogToBrowser.MeasureAsync(silo, browser, LogToBrowser.Client.HubProtocol, "warm-up");
            }

            var hub = await PoolAsync("run log → hub → bare SignalR page", () =>
                LogToBrowser.MeasureAsync(silo, browser, LogToBrowser.Client.HubProtocol, "hub"));
            measurements.Add(hub);
            measurements.Add(await PoolAsync("run log → hub → dashboard [data-seq]", () =>
                LogToBrowser.MeasureAsync(silo, browser, LogToBrowser.Client.Dashboard, "dashboard")));

            // Pace the baseline like the log: its mean gap between lines.
            if (hub.MeanGapMs > 0)
            {
                pace = TimeSpan.FromMilliseconds(Math.Clamp(hub.MeanGapMs, 1, 50));
                count = Math.Max(200, hub.LogLines / hub.Runs);
            }
        }
    }

    if (mode is "all" or "baseline")
    {
        // Warm-up (discarded): this process's first Kestrel and WebSocket sends pay for JIT.
        await WebSocketBaseline.MeasureAsync(browser, 50, pace);
        measurements.Add(await PoolAsync($"raw WebSocket, paced {pace.TotalMilliseconds:F1} ms", () => WebSocketBaseline.MeasureAsync(browser, count, pace)));
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
        if (m.ReceivedLatencies.Count > 0)
        {
            Stats.LatencyRow("  stamp → frame (browser, via Playwright)", m.ReceivedLatencies);
        }

        if (m.ArrivalLatencies.Count > 0)
        {
            Stats.LatencyRow("  stamp → message event in page", m.ArrivalLatencies);
        }
    }

    var folder = Path.Combine(OpenOrchestrator.Testing.SiloProcess.RepositoryRoot(), "artifacts", "livebench");
    Directory.CreateDirectory(folder);
    foreach (var (m, i) in measurements.Select((m, i) => (m, i)))
    {
        var csv = m.Samples.Select(s => FormattableString.Invariant($"{s.Seq},{s.Stamp:F3},{s.Received:F3},{s.Arrived:F3},{s.Appeared:F3},{s.Latency:F3}"));
        await File.WriteAllLinesAsync(Path.Combine(folder, $"latency-{i + 1}.csv"), ["seq,stamp_ms,frame_ms,message_ms,appeared_ms,latency_ms", .. csv]);
    }

    Console.WriteLine($"  per-line samples: {folder}/latency-N.csv, N in table order");
    foreach (var m in measurements)
    {
        if (m.LogLines == 0)
        {
            Console.WriteLine($"  {m.Name}: not measured — {m.Note}");
            continue;
        }

        Console.WriteLine($"  {m.Name}: {m.Runs} × {m.LogLines / m.Runs} lines, each over {m.RunSpanMs:F0} ms on average (mean gap {m.MeanGapMs:F2} ms), " +
            $"run {m.RunStatus}{(m.Note is null ? "" : $" — {m.Note}")}");
    }

    Console.WriteLine();
}

Console.WriteLine($"load average at end: {LoadAverage()}");
return 0;

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

async Task<LogToBrowser.Measurement> PoolAsync(string name, Func<Task<LogToBrowser.Measurement>> measure)
{
    var each = new List<LogToBrowser.Measurement>();
    for (var i = 0; i < runs; i++)
    {
        each.Add(await measure());
        if (each[^1].LogLines == 0)
        {
            break; // Not started (the note says why): another try would only wait as long again.
        }
    }

    return LogToBrowser.Measurement.Pool(name, each);
}
