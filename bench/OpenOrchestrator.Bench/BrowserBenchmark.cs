using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel;
using OpenOrchestrator.Silo.Documents;
using OpenOrchestrator.Silo.Tools;
using OpenOrchestrator.Silo.Tools.Browser;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Bench;

/// <summary>
/// <c>browser [bots] [seconds]</c>: pages per minute that <c>browser.open</c> renders with that many
/// bots opening pages at once, each page a shop whose offers its JavaScript fetches after load
/// (the real tool: Debian's Chromium behind the guarded proxy, per-bot contexts, no pace), and the
/// memory each open page adds to Chromium (proportional set size of its processes, open minus idle).
/// </summary>
public static class BrowserBenchmark
{
    public static async Task RunAsync(int bots, int seconds)
    {
        var data = TempDirectory.Create("oo-bench-browser-");
        await using var shop = await ScriptedShop.StartAsync(
            [.. Enumerable.Range(1, 20).Select(i => new ShopOffer(i, i == 2 ? "Blue kayak" : $"Offer {i}", 10 * i))]);
        var options = new BrowserOptions { MaxPages = Math.Min(64, bots), SecondsPerDomain = 0, ChromiumPath = "/usr/bin/chromium" };
        var guard = new NetworkGuard(new NetworkOptions { AllowedHosts = shop.BaseUrl.Authority });
        await using var host = new ChromiumHost(options, new GuardedProxy(guard, NullLogger<GuardedProxy>.Instance));
        var sessions = new BrowserSessions(host, options, Path.Join(data, "profiles"));
        using var documents = new DocumentStore(Path.Join(data, "bots"), new DocumentOptions());
        var pages = new PagePlugin(new DomainPace(options, TimeProvider.System), documents);
        var url = shop.BaseUrl.AbsoluteUri;
        try
        {
            // Warm-up: Chromium started, each bot's context made once, the shop's page rendered once each.
            var warm = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, bots).Select(async bot =>
            {
                await using var session = sessions.Start($"bench-{bot}");
                Check(await pages.OpenAsync(KernelOf(session), url, CancellationToken.None));
            }));
            Console.WriteLine($"warm-up: {warm.Elapsed.TotalSeconds:F1} s");
            var idle = ChromiumPssKiB();

            var times = new List<double>[bots];
            var open = new BrowserSession[bots];
            var deadline = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, bots).Select(async bot =>
            {
                times[bot] = [];
                open[bot] = sessions.Start($"bench-{bot}");
                var kernel = KernelOf(open[bot]);
                while (deadline.Elapsed.TotalSeconds < seconds)
                {
                    var one = Stopwatch.StartNew();
                    Check(await pages.OpenAsync(kernel, url, CancellationToken.None));
                    times[bot].Add(one.Elapsed.TotalMilliseconds);
                }
            }));
            var elapsed = deadline.Elapsed.TotalMinutes;

            // Every bot's page is still open here: what they hold beyond idle Chromium, per page.
            var busy = ChromiumPssKiB();
            var all = times.SelectMany(t => t).ToArray();
            Console.WriteLine($"bots: {bots}, pages rendered: {all.Length} in {elapsed * 60:F0} s");
            Console.WriteLine($"pages per minute: {all.Length / elapsed:F0} ({all.Length / elapsed / bots:F1} per bot)");
            Report.Latency("browser.open", all);
            Console.WriteLine($"Chromium memory (PSS): idle {idle / 1024.0:F0} MiB, with {bots} open pages {busy / 1024.0:F0} MiB: {(busy - idle) / 1024.0 / bots:F1} MiB per open page");
            foreach (var session in open)
            {
                await session.DisposeAsync();
            }
        }
        finally
        {
            TempDirectory.DeleteQuietly(data);
        }
    }

    /// <summary>A Kernel holding the bot's session, as a run's does.</summary>
    private static Kernel KernelOf(BrowserSession session)
    {
        var kernel = new Kernel();
        kernel.Data[BrowserSession.KernelDataKey] = session;
        return kernel;
    }

    private static void Check(string page)
    {
        if (!page.Contains("Blue kayak", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The page was not rendered: {page[..Math.Min(300, page.Length)]}");
        }
    }

    /// <summary>The proportional set size of this process's Chromium processes (shared pages split between them), in KiB.</summary>
    private static long ChromiumPssKiB()
    {
        long total = 0;
        foreach (var process in Directory.GetDirectories("/proc").Select(Path.GetFileName).Where(p => p!.All(char.IsDigit)))
        {
            try
            {
                var command = File.ReadAllText($"/proc/{process}/cmdline");
                if (!command.Contains("chromium", StringComparison.Ordinal) || !command.Contains("oo-bench-browser-", StringComparison.Ordinal) && !DescendsFromUs(process!))
                {
                    continue;
                }

                var pss = File.ReadLines($"/proc/{process}/smaps_rollup").FirstOrDefault(l => l.StartsWith("Pss:", StringComparison.Ordinal));
                total += pss is null ? 0 : long.Parse(pss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // Gone meanwhile.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return total;
    }

    private static bool DescendsFromUs(string process)
    {
        var us = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var current = process; current is not ("0" or "1"); )
        {
            var status = File.ReadLines($"/proc/{current}/status").First(l => l.StartsWith("PPid:", StringComparison.Ordinal));
            current = status.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1].Trim();
            if (current == us)
            {
                return true;
            }
        }

        return false;
    }
}
