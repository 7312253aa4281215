using Microsoft.Playwright;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.LiveBench;

/// <summary>
/// Log line written by a run → the line in the browser's DOM. A fresh bot per measurement; the page watches it
/// before the run starts; afterwards the run's log (GET /api/runs/{id}/log) gives each line's server time At and
/// the page's appearance script the time each [data-seq] element entered the DOM. Same machine, same clock.
/// </summary>
public static class LogToBrowser
{
    /// <summary>
    /// The hub without the dashboard: a page on the silo's origin (so the sign-in cookie goes with the upgrade) that
    /// speaks SignalR's JSON protocol over a bare WebSocket — handshake, WatchBot, then one div per runLog line.
    /// </summary>
    private const string HubPage = """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>live hub client</title><!--appearance--></head>
        <body><div id="log" role="log" aria-label="Run log"></div>
        <script>
          const RS = '\x1e';
          const botId = '__BOT_ID__';
          const log = document.getElementById('log');
          const ws = new WebSocket(location.origin.replace(/^http/, 'ws') + '/hubs/live');
          const send = m => ws.send(JSON.stringify(m) + RS);
          let buffer = '';
          window.__watched = false;
          window.__trace = [];
          ws.onopen = () => send({ protocol: 'json', version: 1 });
          ws.onclose = e => { window.__hubError = `closed ${e.code} ${e.reason} after ${JSON.stringify(window.__trace)}`; };
          ws.onmessage = e => {
            if (window.__trace.length < 5) window.__trace.push(String(e.data).slice(0, 200));
            buffer += e.data;
            const parts = buffer.split(RS);
            buffer = parts.pop();
            for (const part of parts) {
              const m = JSON.parse(part);
              if (m.type === undefined) {
                if (m.error) { window.__hubError = m.error; continue; }
                send({ type: 1, invocationId: 'watch', target: 'WatchBot', arguments: [botId] });
              } else if (m.type === 3 && m.invocationId === 'watch') {
                window.__watched = m.result === true;
              } else if (m.type === 1 && m.target === 'runLog') {
                for (const { line } of m.arguments[0]) {
                  const div = document.createElement('div');
                  div.dataset.seq = line.seq;
                  div.textContent = line.message;
                  log.appendChild(div);
                }
              } else if (m.type === 6) {
                send({ type: 6 });
              }
            }
          };
        </script></body></html>
        """;

    /// <summary>The dashboard's bot page (OpenOrchestrator.Frontend, Pages/BotPage.razor: @page "/bots/{Id}").</summary>
    public const string AppRoute = "/bots/{0}";

    /// <summary>One line: its server stamp and its appearance in the DOM, both in ms since the Unix epoch.</summary>
    /// <remarks>
    /// <paramref name="Arrived"/>: the page's WebSocket dispatched the message that carried it (NaN when not recorded);
    /// <paramref name="Received"/>: this process heard of the frame from the browser's network layer over Playwright's
    /// protocol — not held up by a busy page, a few ms late at most.
    /// </remarks>
    public sealed record Sample(int Seq, double Stamp, double Appeared, double Arrived = double.NaN, double Received = double.NaN)
    {
        public double Latency => Appeared - Stamp;
    }

    public sealed record Measurement(string Name, IReadOnlyList<Sample> Samples, int LogLines, string RunStatus, double RunSpanMs, string? Note)
    {
        public IReadOnlyList<double> Latencies => [.. Samples.Select(s => s.Latency)];

        /// <summary>Stamp → the WebSocket message in the page, for the lines whose arrival was recorded.</summary>
        public IReadOnlyList<double> ArrivalLatencies => [.. Samples.Where(s => !double.IsNaN(s.Arrived)).Select(s => s.Arrived - s.Stamp)];

        /// <summary>Several runs as one sample set: lines added up, spans averaged, notes kept.</summary>
        public static Measurement Pool(string name, IReadOnlyList<Measurement> runs) => new(
            name,
            [.. runs.SelectMany(r => r.Samples)],
            runs.Sum(r => r.LogLines),
            string.Join(", ", runs.Select(r => r.RunStatus).Distinct()),
            runs.Average(r => r.RunSpanMs),
            runs.Any(r => r.Note is not null) ? string.Join("; ", runs.Select(r => r.Note).OfType<string>().Distinct()) : null)
        {
            Runs = runs.Count,
        };

        public int Runs { get; init; } = 1;

        /// <summary>Mean gap between a run's lines.</summary>
        public double MeanGapMs => LogLines > Runs ? RunSpanMs * Runs / (LogLines - Runs) : 0;

        /// <summary>Stamp → the frame at the browser's network layer (as Playwright reports it).</summary>
        public IReadOnlyList<double> ReceivedLatencies => [.. Samples.Where(s => !double.IsNaN(s.Received)).Select(s => s.Received - s.Stamp)];
    }

    public enum Client
    {
        /// <summary>A bare WebSocket speaking SignalR's JSON protocol; appends one div per line.</summary>
        HubProtocol,

        /// <summary>The real dashboard on the bot's page.</summary>
        Dashboard,
    }

    public static async Task<Measurement> MeasureAsync(BenchSilo silo, IBrowser browser, Client client, string name)
    {
        var bot = await silo.Api.CreateBotAsync(ApiClient.Spec($"Live {Guid.NewGuid():N}"[..13], LogScript.Prompt));
        await using var context = await Browser.NewContextAsync(browser, silo.Silo.BaseUrl);
        await Browser.SignInAsync(context, BenchSilo.Email, ApiClient.Password);
        var page = await context.NewPageAsync();
        var received = RecordFrames(page);

        var watching = client == Client.HubProtocol ? await OpenHubClientAsync(page, bot.Id) : await OpenDashboardAsync(page, bot.Id);
        if (watching is not null)
        {
            return new Measurement(name, [], 0, "not started", 0, watching);
        }

        // Let the page finish loading what it shows (the bot, its runs and results) before the run begins.
        await SettleAsync(page);

        var run = await silo.Api.WaitForRunAsync((await silo.Api.StartRunAsync(bot.Id)).Id, seconds: 120);
        var log = await silo.Api.LogAsync(run.Id);

        // The run has finished and its log is stored; its last lines may still be on their way to the page.
        var complete = await Browser.WaitForAppearancesAsync(page, log.Count, TimeSpan.FromSeconds(60));
        var appeared = await Browser.AppearancesAsync(page);
        var arrived = await Browser.ArrivalsAsync(page);
        var samples = log
            .Where(line => appeared.ContainsKey(line.Seq))
            .Select(line => new Sample(line.Seq, Browser.UnixMs(line.At), appeared[line.Seq],
                arrived.GetValueOrDefault(line.Seq, double.NaN), received.GetValueOrDefault(line.Seq, double.NaN)))
            .ToArray();
        var span = log.Count > 1 ? (log[^1].At - log[0].At).TotalMilliseconds : 0;
        string? note = null;
        if (appeared.Count == 0)
        {
            note = "no [data-seq] element appeared within 60 s of the run's end";
        }
        else if (!complete)
        {
            note = $"only {appeared.Count} of {log.Count} lines appeared within 60 s of the run's end";
        }

        return new Measurement(name, samples, log.Count, run.Status, span, note);
    }

    /// <summary>
    /// The time (ms since the Unix epoch, this process's clock) each runLog line's frame was reported by the browser's
    /// network layer: Playwright's WebSocket frame events come from the browser process, not the page's main thread.
    /// </summary>
    private static System.Collections.Concurrent.ConcurrentDictionary<int, double> RecordFrames(IPage page)
    {
        var received = new System.Collections.Concurrent.ConcurrentDictionary<int, double>();
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
        {
            var at = Browser.UnixMs(DateTimeOffset.UtcNow);
            if (frame.Text is not { } text || !text.Contains($"\"{LiveHub.RunLog}\"", StringComparison.Ordinal))
            {
                return;
            }

            foreach (var part in text.Split('\u001e', StringSplitOptions.RemoveEmptyEntries))
            {
                using var message = System.Text.Json.JsonDocument.Parse(part);
                if (message.RootElement.TryGetProperty("target", out var target) && target.GetString() == LiveHub.RunLog)
                {
                    foreach (var line in message.RootElement.GetProperty("arguments")[0].EnumerateArray())
                    {
                        received.TryAdd(line.GetProperty("line").GetProperty("seq").GetInt32(), at);
                    }
                }
            }
        };
        return received;
    }

    private static async Task SettleAsync(IPage page)
    {
        try
        {
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            // Start anyway: the figures then include whatever the page was still doing.
        }
    }

    /// <summary>Null once the page watches the bot; otherwise why it does not.</summary>
    private static async Task<string?> OpenHubClientAsync(IPage page, string botId)
    {
        // A real response of the silo (an API 404) gives the page the silo's origin; the hub client replaces its
        // content. (A page fulfilled by Playwright's request routing got its WebSocket upgrade refused, 1006.)
        await page.GotoAsync("/api/livebench-origin");
        await page.SetContentAsync(HubPage
            .Replace("<!--appearance-->", $"<script>{Browser.ArrivalScript}{Browser.AppearanceScript}</script>", StringComparison.Ordinal)
            .Replace("__BOT_ID__", botId, StringComparison.Ordinal));
        try
        {
            await page.WaitForFunctionAsync("() => window.__watched === true || window.__hubError !== undefined", null,
                new PageWaitForFunctionOptions { Timeout = 30_000, PollingInterval = 20 });
        }
        catch (TimeoutException)
        {
            return "the hub client did not get WatchBot's answer within 30 s";
        }

        var error = await page.EvaluateAsync<string?>("() => window.__hubError ?? null");
        return error is null ? null : $"hub client: {error}";
    }

    /// <summary>
    /// Opens the bot's page and waits, from the page's WebSocket frames, until the dashboard has asked the hub to
    /// watch the bot and the hub has answered.
    /// </summary>
    private static async Task<string?> OpenDashboardAsync(IPage page, string botId)
    {
        var watched = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        page.WebSocket += (_, socket) =>
        {
            if (!socket.Url.Contains(LiveHub.Path, StringComparison.Ordinal))
            {
                return;
            }

            var asked = false;
            socket.FrameSent += (_, frame) => asked |= frame.Text?.Contains($"\"{LiveHub.WatchBot}\"", StringComparison.Ordinal) == true;
            socket.FrameReceived += (_, frame) =>
            {
                if (asked && frame.Text?.Contains("\"type\":3", StringComparison.Ordinal) == true)
                {
                    watched.TrySetResult();
                }
            };
        };
        await page.AddInitScriptAsync(Browser.ArrivalScript + Browser.AppearanceScript);
        await page.GotoAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, AppRoute, Uri.EscapeDataString(botId)));
        try
        {
            await watched.Task.WaitAsync(TimeSpan.FromSeconds(30));
            return null;
        }
        catch (TimeoutException)
        {
            return $"the dashboard did not watch the bot on /bots/{{id}} within 30 s (no WatchBot over {LiveHub.Path})";
        }
    }
}
