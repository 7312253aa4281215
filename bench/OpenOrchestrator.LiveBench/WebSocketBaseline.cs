using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace OpenOrchestrator.LiveBench;

/// <summary>
/// The floor: a bare Kestrel app on 127.0.0.1 (UseWebSockets) serving one page whose inline script opens a
/// WebSocket and appends each message as a [data-seq] div. Once the page says it is ready, the server sends
/// <c>count</c> messages paced by a PeriodicTimer (message n due at n × pace), each stamped with its send time (µs since the Unix epoch);
/// latency = the element's appearance (the same appearance script) − the stamp.
/// </summary>
public static class WebSocketBaseline
{
    private const string Page = """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>WebSocket baseline</title></head>
        <body><div id="log" role="log" aria-label="Messages"></div>
        <script>
          const log = document.getElementById('log');
          const ws = new WebSocket(location.origin.replace(/^http/, 'ws') + '/ws');
          window.__done = false;
          ws.onopen = () => ws.send('ready');
          ws.onmessage = e => {
            if (e.data === 'done') { window.__done = true; return; }
            const m = JSON.parse(e.data);
            const div = document.createElement('div');
            div.dataset.seq = m.seq;
            div.textContent = m.text;
            log.appendChild(div);
          };
        </script></body></html>
        """;

    public static async Task<LogToBrowser.Measurement> MeasureAsync(IBrowser browser, int count, TimeSpan pace)
    {
        var stamps = new double[count + 1];
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.UseWebSockets();
        app.MapGet("/", () => Results.Content(Page, "text/html; charset=utf-8"));
        app.Map("/ws", async context =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var buffer = new byte[64];
            await socket.ReceiveAsync(buffer, context.RequestAborted); // "ready"
            // Each tick sends every message that is due by then (message n at n × pace): the log's rate even when
            // the pace is finer than the timer's resolution under load, in bursts as a run writes its lines.
            using var timer = new PeriodicTimer(pace);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var seq = 1;
            while (seq <= count && await timer.WaitForNextTickAsync(context.RequestAborted))
            {
                for (; seq <= count && pace * (seq - 1) <= clock.Elapsed; seq++)
                {
                    var at = Browser.UnixMs(DateTimeOffset.UtcNow);
                    stamps[seq] = at;
                    var message = $$"""{"seq":{{seq}},"at":{{at.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)}},"text":"← results-report: stored offer {{seq}}"}""";
                    await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, endOfMessage: true, context.RequestAborted);
                }
            }

            await socket.SendAsync("done"u8.ToArray(), WebSocketMessageType.Text, endOfMessage: true, context.RequestAborted);
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, context.RequestAborted);
        });
        await app.StartAsync();
        var root = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

        await using var context = await Browser.NewContextAsync(browser, new Uri(root.TrimEnd('/') + "/"));
        var page = await context.NewPageAsync();
        await page.AddInitScriptAsync(Browser.AppearanceScript);
        await page.GotoAsync("/");
        var complete = await Browser.WaitForAppearancesAsync(page, count, TimeSpan.FromSeconds(30) + pace * count);
        var appeared = await Browser.AppearancesAsync(page);
        await app.StopAsync();

        var samples = Enumerable.Range(1, count)
            .Where(appeared.ContainsKey)
            .Select(seq => new LogToBrowser.Sample(seq, stamps[seq], appeared[seq]))
            .ToArray();
        return new LogToBrowser.Measurement($"raw WebSocket, paced {pace.TotalMilliseconds:F1} ms", samples, count, "—",
            stamps[count] - stamps[1], complete ? null : $"only {appeared.Count} of {count} messages appeared");
    }
}
