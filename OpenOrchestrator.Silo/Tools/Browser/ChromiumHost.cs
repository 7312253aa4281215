using Microsoft.Playwright;

namespace OpenOrchestrator.Silo.Tools.Browser;

/// <summary>
/// The one Chromium process of this server, started on first use behind <see cref="GuardedProxy"/> and
/// closed with the host; it also hands out the server-wide page slots. The proxy is its own: disposing the host disposes it.
/// </summary>
public sealed class ChromiumHost(BrowserOptions options, GuardedProxy proxy) : IAsyncDisposable
{
    private static readonly string[] Candidates = ["chromium", "chromium-browser", "google-chrome"];

    private readonly SemaphoreSlim _starting = new(1, 1);
    private readonly SemaphoreSlim _pages = new(options.MaxPages, options.MaxPages);
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private bool _proxyStarted;

    public GuardedProxy Proxy => proxy;

    /// <summary>The configured path, or the first candidate on PATH; null when there is no Chromium.</summary>
    public string? ExecutablePath => options.ChromiumPath is { Length: > 0 } configured
        ? File.Exists(configured) ? configured : null
        : Candidates.Select(OnPath).FirstOrDefault(path => path is not null);

    /// <exception cref="ChromiumMissingException">No Chromium is installed or configured.</exception>
    public async Task<IBrowser> BrowserAsync(CancellationToken cancellationToken)
    {
        await _starting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_browser is { IsConnected: true })
            {
                return _browser;
            }

            var path = ExecutablePath ?? throw new ChromiumMissingException();
            if (!_proxyStarted)
            {
                proxy.Start();
                _proxyStarted = true;
            }

            _playwright ??= await Playwright.CreateAsync().ConfigureAwait(false);
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = path,
                Headless = true,
                Args =
                [
                    // Everything, loopback included, goes through the guarded proxy; nothing may go around it.
                    $"--proxy-server=http://127.0.0.1:{proxy.Port}",
                    "--proxy-bypass-list=<-loopback>",
                    "--disable-quic",
                    "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
                    "--webrtc-ip-handling-policy=disable_non_proxied_udp",
                    "--dns-prefetch-disable",
                    "--disable-features=NetworkPrediction,DnsOverHttps,AsyncDns",
                    "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-default-apps",
                ],
            }).ConfigureAwait(false);
            return _browser;
        }
        finally
        {
            _starting.Release();
        }
    }

    /// <summary>One of the server's page slots, or null when none frees up within <paramref name="wait"/>.</summary>
    public async Task<IDisposable?> TakePageSlotAsync(TimeSpan wait, CancellationToken cancellationToken) =>
        await _pages.WaitAsync(wait, cancellationToken).ConfigureAwait(false) ? new Slot(_pages) : null;

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_browser is not null)
            {
                await _browser.CloseAsync().ConfigureAwait(false);
            }
        }
        catch (PlaywrightException)
        {
            // Chromium already exited.
        }

        _playwright?.Dispose();
        await proxy.DisposeAsync().ConfigureAwait(false);

        _starting.Dispose();
    }

    private static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Join(folder, name))
            .FirstOrDefault(File.Exists);

    private sealed class Slot(SemaphoreSlim pages) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                pages.Release();
            }
        }
    }
}
