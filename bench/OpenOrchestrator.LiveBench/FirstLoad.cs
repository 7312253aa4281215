using System.Text.Json;
using Microsoft.Playwright;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.LiveBench;

/// <summary>
/// The dashboard's first load, signed in (cookie): cold = a fresh browser context (empty cache) per load, warm = a
/// reload in the same context. Time = performance.now() (ms since navigation start) when the "New bot" button first
/// is in the DOM, recorded by a MutationObserver installed before the page's scripts; Playwright then checks it is
/// visible. Bytes from the Resource Timing API (navigation + every resource, transferSize / decodedBodySize).
/// </summary>
public static class FirstLoad
{
    private const string ReadyScript = """
        (() => {
          performance.setResourceTimingBufferSize(10000);
          window.__ready = null;
          const ready = () => [...document.querySelectorAll('button')].some(b => b.textContent.trim() === 'New bot');
          const observer = new MutationObserver(() => {
            if (window.__ready === null && ready()) { window.__ready = performance.now(); observer.disconnect(); }
          });
          observer.observe(document, { childList: true, subtree: true, characterData: true });
        })();
        """;

    private const string BytesScript = """
        () => {
          const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
          return JSON.stringify({
            transferred: entries.reduce((s, e) => s + (e.transferSize || 0), 0),
            decoded: entries.reduce((s, e) => s + (e.decodedBodySize || 0), 0),
            requests: entries.length,
          });
        }
        """;

    public sealed record Load(double ReadyMs, long Transferred, long Decoded, int Requests);

    public sealed record Result(IReadOnlyList<Load> Cold, IReadOnlyList<Load> Warm);

    public static async Task<Result> MeasureAsync(BenchSilo silo, IBrowser browser, int repetitions)
    {
        // One discarded cold load: the silo's first static-file and API requests (JIT) are not the browser's cold cache.
        await using (var warmUp = await Browser.NewContextAsync(browser, silo.Silo.BaseUrl))
        {
            await Browser.SignInAsync(warmUp, BenchSilo.Email, ApiClient.Password);
            await LoadAsync(await warmUp.NewPageAsync(), reload: false);
        }

        var cold = new List<Load>();
        for (var i = 0; i < repetitions; i++)
        {
            await using var context = await Browser.NewContextAsync(browser, silo.Silo.BaseUrl);
            await Browser.SignInAsync(context, BenchSilo.Email, ApiClient.Password);
            cold.Add(await LoadAsync(await context.NewPageAsync(), reload: false));
        }

        var warm = new List<Load>();
        await using (var context = await Browser.NewContextAsync(browser, silo.Silo.BaseUrl))
        {
            await Browser.SignInAsync(context, BenchSilo.Email, ApiClient.Password);
            var page = await context.NewPageAsync();
            await LoadAsync(page, reload: false);
            for (var i = 0; i < repetitions; i++)
            {
                warm.Add(await LoadAsync(page, reload: true));
            }
        }

        return new Result(cold, warm);
    }

    private static async Task<Load> LoadAsync(IPage page, bool reload)
    {
        if (!reload)
        {
            await page.AddInitScriptAsync(ReadyScript);
            await page.GotoAsync("/");
        }
        else
        {
            await page.ReloadAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "New bot", Exact = true }).WaitForAsync(new() { State = WaitForSelectorState.Visible });
        var ready = await page.EvaluateAsync<double?>("() => window.__ready")
            ?? throw new InvalidOperationException("“New bot” is visible but the observer did not see it.");

        // Let the load finish (late fetches after the first render) before counting bytes; the hub's WebSocket does not count.
        try
        {
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            // Count what has arrived.
        }

        using var bytes = JsonDocument.Parse(await page.EvaluateAsync<string>(BytesScript));
        return new Load(ready, bytes.RootElement.GetProperty("transferred").GetInt64(), bytes.RootElement.GetProperty("decoded").GetInt64(),
            bytes.RootElement.GetProperty("requests").GetInt32());
    }
}
