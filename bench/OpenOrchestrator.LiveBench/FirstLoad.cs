using System.Text.Json;
using Microsoft.Playwright;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.LiveBench;

/// <summary>
/// The dashboard's first load, signed in (cookie): cold = a browser on a new, empty profile per load, warm = a
/// reload in the same browser (disk cache). Time = performance.now() (ms since navigation start) when the "New bot"
/// button first is in the DOM, recorded by a MutationObserver installed before the page's scripts; Playwright then
/// checks it is visible. Bytes from the Resource Timing API (navigation + every resource, transferSize / decodedBodySize).
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

    public static async Task<Result> MeasureAsync(BenchSilo silo, IPlaywright playwright, int repetitions)
    {
        // One discarded cold load: the silo's first static-file and API requests (JIT) are not the browser's cold cache.
        await ColdAsync(silo, playwright);
        var cold = new List<Load>();
        for (var i = 0; i < repetitions; i++)
        {
            cold.Add(await ColdAsync(silo, playwright));
        }

        var warm = new List<Load>();
        var profile = TempDirectory.Create("oo-livebench-profile-");
        try
        {
            await using var context = await Browser.LaunchProfileAsync(playwright, profile, silo.Silo.BaseUrl);
            await Browser.SignInAsync(context, BenchSilo.Email, ApiClient.Password);
            var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
            await LoadAsync(page, reload: false);
            for (var i = 0; i < repetitions; i++)
            {
                warm.Add(await LoadAsync(page, reload: true));
            }
        }
        finally
        {
            TempDirectory.DeleteQuietly(profile);
        }

        return new Result(cold, warm);
    }

    /// <summary>A browser on a new, empty profile: no cache, no cookie until the sign-in.</summary>
    private static async Task<Load> ColdAsync(BenchSilo silo, IPlaywright playwright)
    {
        var profile = TempDirectory.Create("oo-livebench-profile-");
        try
        {
            await using var context = await Browser.LaunchProfileAsync(playwright, profile, silo.Silo.BaseUrl);
            await Browser.SignInAsync(context, BenchSilo.Email, ApiClient.Password);
            return await LoadAsync(context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync(), reload: false);
        }
        finally
        {
            TempDirectory.DeleteQuietly(profile);
        }
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
