using System.Text.Json;
using Microsoft.Playwright;

namespace OpenOrchestrator.LiveBench;

/// <summary>Debian's Chromium (scripts/chromium.sh installs it) under Playwright, as the browser tests drive it.</summary>
public static class Browser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>
    /// Installed before any page script: records, for every element with a data-seq attribute that enters the DOM
    /// (added, or given the attribute), the seq and the wall-clock time in ms since the Unix epoch
    /// (performance.timeOrigin + performance.now(), sub-ms) — once per seq.
    /// </summary>
    public const string AppearanceScript = """
        (() => {
          if (window.__appear) return;
          const seen = new Set();
          const appear = window.__appear = [];
          const record = el => {
            const seq = el.getAttribute('data-seq');
            if (seq === null || seen.has(seq)) return;
            seen.add(seq);
            appear.push([Number(seq), performance.timeOrigin + performance.now()]);
          };
          const scan = node => {
            if (node.nodeType !== 1) return;
            if (node.hasAttribute('data-seq')) record(node);
            for (const el of node.querySelectorAll('[data-seq]')) record(el);
          };
          new MutationObserver(mutations => {
            for (const m of mutations) {
              if (m.type === 'attributes') scan(m.target); else m.addedNodes.forEach(scan);
            }
          }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-seq'] });
        })();
        """;

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    /// <summary>
    /// Installed before any page script: wraps the page's WebSocket so every hub frame's runLog message records the
    /// line's seq and the time the message event fired (before the app sees it) — where the hub path ends and the
    /// page's own work begins.
    /// </summary>
    public const string ArrivalScript = """
        (() => {
          if (window.__arrive) return;
          const arrive = window.__arrive = [];
          const decoder = new TextDecoder();
          const Native = window.WebSocket;
          const onMessage = e => {
            const t = performance.timeOrigin + performance.now();
            const text = typeof e.data === 'string' ? e.data : e.data instanceof ArrayBuffer ? decoder.decode(e.data) : '';
            if (!text.includes('"runLog"')) return;
            for (const part of text.split('\x1e')) {
              if (!part.includes('"runLog"')) continue;
              try { const m = JSON.parse(part); for (const l of m.arguments[0]) arrive.push([l.line.seq, t]); } catch { }
            }
          };
          window.WebSocket = class extends Native {
            constructor(...args) { super(...args); this.addEventListener('message', onMessage); }
          };
        })();
        """;

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run scripts/chromium.sh (it installs Debian's chromium).");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        return (playwright, browser);
    }

    /// <summary>
    /// A browser with a profile folder of its own, so a disk cache as a user's browser has (a new context of a
    /// launched browser keeps its cache in memory and does not keep the largest files).
    /// </summary>
    public static async Task<IBrowserContext> LaunchProfileAsync(IPlaywright playwright, string profile, Uri baseUrl)
    {
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            BaseURL = baseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        return context;
    }

    public static async Task<IBrowserContext> NewContextAsync(IBrowser browser, Uri baseUrl)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        return context;
    }

    /// <summary>Cookie sign-in over the context's request API: its pages share the cookie.</summary>
    public static async Task SignInAsync(IBrowserContext context, string email, string password)
    {
        var response = await context.APIRequest.PostAsync("/api/auth/login?useCookies=true", new APIRequestContextOptions
        {
            DataObject = new { email, password },
        });
        if (!response.Ok)
        {
            throw new InvalidOperationException($"Cookie sign-in failed: {response.Status} {await response.TextAsync()}");
        }
    }

    /// <summary>What the appearance script recorded: seq → ms since the Unix epoch.</summary>
    public static Task<Dictionary<int, double>> AppearancesAsync(IPage page) => TimesAsync(page, "__appear");

    /// <summary>What the arrival script recorded: seq → ms since the Unix epoch (the first message of a seq).</summary>
    public static Task<Dictionary<int, double>> ArrivalsAsync(IPage page) => TimesAsync(page, "__arrive");

    private static async Task<Dictionary<int, double>> TimesAsync(IPage page, string variable)
    {
        var json = await page.EvaluateAsync<string>($"JSON.stringify(window.{variable} ?? [])");
        var times = new Dictionary<int, double>();
        foreach (var pair in JsonSerializer.Deserialize<double[][]>(json)!)
        {
            times.TryAdd((int)pair[0], pair[1]);
        }

        return times;
    }

    /// <summary>Waits, up to the deadline, until the page has recorded <paramref name="count"/> appearances; false when it did not.</summary>
    public static async Task<bool> WaitForAppearancesAsync(IPage page, int count, TimeSpan deadline)
    {
        try
        {
            await page.WaitForFunctionAsync("n => (window.__appear ?? []).length >= n", count, new PageWaitForFunctionOptions
            {
                Timeout = (float)deadline.TotalMilliseconds,
                PollingInterval = 50,
            });
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public static double UnixMs(DateTimeOffset at) => (at - DateTimeOffset.UnixEpoch).Ticks / (double)TimeSpan.TicksPerMillisecond;
}
