using Microsoft.Playwright;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Bench;

/// <summary>
/// One browser on a new, empty profile (Debian's Chromium under Playwright, as the browser tests drive it) with the
/// user's session cookie: the dashboard loaded cold, then reloaded warm from the profile's disk cache. Each load is
/// timed in the page, from its navigation start to the moment the “New bot” button is in the DOM, visible and enabled
/// (a MutationObserver installed before the page's own scripts); Playwright then checks it is.
/// </summary>
public static class PageLoad
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private const string ReadyScript = """
        (() => {
          window.__ready = null;
          const ready = () => [...document.querySelectorAll('button')]
            .some(b => b.textContent.trim() === 'New bot' && !b.disabled && b.checkVisibility());
          const observer = new MutationObserver(() => {
            if (window.__ready === null && ready()) { window.__ready = performance.now(); observer.disconnect(); }
          });
          observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
        })();
        """;

    /// <summary>
    /// Where the time went, ms from navigation start: the runtime's first file asked for (dotnet.js, after the page's
    /// scripts ran), its last file arrived, the app's first API request sent (its own code runs).
    /// </summary>
    private const string PhasesScript = """
        () => {
          const entries = performance.getEntriesByType('resource').map(e => ({ path: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd }));
          const first = (list, pick) => list.length ? Math.min(...list.map(pick)) : -1;
          const framework = entries.filter(e => e.path.startsWith('/_framework/'));
          return [
            first(framework.filter(e => e.path.startsWith('/_framework/dotnet.')), e => e.start),
            framework.length ? Math.max(...framework.map(e => e.end)) : -1,
            first(entries.filter(e => e.path.startsWith('/api/')), e => e.start),
          ];
        }
        """;

    public sealed record Load(double ReadyMs, double BootMs, double FrameworkMs, double ApiMs, IReadOnlyList<NetworkTally.Fetched> Fetched)
    {
        public long Bytes => Fetched.Sum(f => f.Bytes);
    }

    public sealed record Profile(Load Cold, Load Warm, string Browser);

    public static async Task<Profile> MeasureAsync(IPlaywright playwright, Uri baseUrl, IEnumerable<Cookie> session)
    {
        var folder = TempDirectory.Create("oo-firstload-profile-");
        try
        {
            await using var context = await playwright.Chromium.LaunchPersistentContextAsync(folder, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
                BaseURL = baseUrl.ToString(),
                ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
                Locale = "en-US",
            });
            context.SetDefaultTimeout(60_000);
            await context.AddCookiesAsync(session);
            await context.AddInitScriptAsync(ReadyScript);
            var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
            var tally = await NetworkTally.AttachAsync(context, page);

            await page.GotoAsync("/", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
            var cold = await ReadyAsync(page, tally);
            tally.Clear();
            await page.ReloadAsync(new PageReloadOptions { WaitUntil = WaitUntilState.Commit });
            var warm = await ReadyAsync(page, tally);
            return new Profile(cold, warm, await page.EvaluateAsync<string>("() => navigator.userAgent"));
        }
        finally
        {
            TempDirectory.DeleteQuietly(folder);
        }
    }

    private static async Task<Load> ReadyAsync(IPage page, NetworkTally tally)
    {
        var button = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "New bot", Exact = true });
        await Assertions.Expect(button).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 60_000 });
        await Assertions.Expect(button).ToBeEnabledAsync();
        var ready = await page.EvaluateAsync<double?>("() => window.__ready")
            ?? throw new InvalidOperationException("“New bot” is visible, but the page's observer did not see it.");

        // The bytes of the whole load: the fetches that follow the first render (bots, activity, the hub's negotiation) too.
        try
        {
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new PageWaitForLoadStateOptions { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            // Count what has arrived.
        }

        var phases = await page.EvaluateAsync<double[]>(PhasesScript);
        return new Load(ready, phases[0], phases[1], phases[2], tally.Snapshot());
    }
}
