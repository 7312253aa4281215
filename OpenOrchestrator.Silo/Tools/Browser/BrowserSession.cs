using System.Text;
using Microsoft.Playwright;
using Microsoft.SemanticKernel;
using OpenOrchestrator.Silo.Documents;

namespace OpenOrchestrator.Silo.Tools.Browser;

/// <summary>
/// One run's browser: a Chromium context loaded from the bot's profile and saved back to it at the end,
/// one page, and the numbered links and controls of what that page showed last.
/// </summary>
public sealed class BrowserSession(ChromiumHost host, BrowserOptions options, string botId, string profileFile) : IAsyncDisposable
{
    /// <summary>Where a run's Kernel holds its session, for <see cref="PagePlugin"/>'s functions.</summary>
    public const string KernelDataKey = "openorchestrator.browser-session";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly PageEvents _events = new(host.Proxy);
    private IDisposable? _slot;
    private IBrowserContext? _context;
    private IPage? _page;
    private HashSet<int> _refs = [];
    private Dictionary<int, Uri> _targets = [];
    private int _lastRef;

    private TimeSpan PageTimeout => TimeSpan.FromSeconds(options.PageTimeoutSeconds);

    /// <summary>The session of the run whose Kernel this is.</summary>
    public static BrowserSession Of(Kernel kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        return kernel.Data.TryGetValue(KernelDataKey, out var session) && session is BrowserSession browser
            ? browser
            : throw new InvalidOperationException("This Kernel was made without the browser tool.");
    }

    /// <summary>Runs one action on the page within the page timeout; past it the page is closed, whatever it was doing.</summary>
    internal async Task<string> RunAsync(Func<IPage, Task<string>> action, bool opens, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!opens && _page is null or { IsClosed: true })
            {
                return "Error: no page is open; call browser-open first.";
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            try
            {
                // Starting Chromium is the server's cost, not the page's: the timeout starts with the page.
                var page = await PageAsync(cancellationToken).ConfigureAwait(false);
                if (page is null)
                {
                    return $"Error: all {options.MaxPages} browser pages of this server are in use; try again in a minute.";
                }

                timeout.CancelAfter(PageTimeout);
                return await action(page).WaitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is TimeoutException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                await ClosePageAsync().ConfigureAwait(false);
                return $"Error: the page did not finish within {options.PageTimeoutSeconds} seconds and was closed.";
            }
            catch (ChromiumMissingException e)
            {
                return $"Error: {e.Message}.";
            }
            catch (PlaywrightException e)
            {
                cancellationToken.ThrowIfCancellationRequested();
                return $"Error: {_events.Explain(e.Message)}";
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Numbers the page's links and controls anew; earlier numbers stop working.</summary>
    internal async Task<IReadOnlyList<PageRef>> MarkRefsAsync(IPage page)
    {
        var refs = await PageRefs.MarkAsync(page, _lastRef, options.MaxRefs).ConfigureAwait(false);
        _lastRef = refs.Count > 0 ? refs[^1].Ref : _lastRef;
        _refs = [.. refs.Select(r => r.Ref)];
        _targets = refs.Select(r => (r.Ref, Url: WebUrl.TryParse(r.Target, out var url) ? url : null))
            .Where(r => r.Url is not null)
            .ToDictionary(r => r.Ref, r => r.Url!);
        return refs;
    }

    /// <summary>The page that acting on a current number would load (a link's, a form's), or null when it loads none.</summary>
    internal Uri? TargetOf(int reference) => _targets.GetValueOrDefault(reference);

    /// <summary>Null when the number is current; otherwise the error the model gets.</summary>
    internal string? Unknown(int reference) => _refs.Contains(reference)
        ? null
        : reference > 0 && reference <= _lastRef
            ? $"Error: [{reference}] is from an earlier page and no longer exists; use a number from the latest result."
            : $"Error: there is no [{reference}] on this page; use a number from the latest result.";

    public string BotId => botId;

    internal PageEvents Events => _events;

    internal int MaxTextChars => options.MaxTextChars;

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_context is not null)
            {
                // Written aside and moved over the old profile: a save cut short must not leave a profile no run can load.
                var state = await _context.StorageStateAsync().ConfigureAwait(false);
                await AtomicFile.WriteAsync(Path.GetDirectoryName(profileFile)!, profileFile, Encoding.UTF8.GetBytes(state), CancellationToken.None)
                    .ConfigureAwait(false);
                await _context.CloseAsync().ConfigureAwait(false);
            }
        }
        catch (PlaywrightException)
        {
            // The browser went away (the host is stopping): there is no state left to save.
        }
        finally
        {
            _slot?.Dispose();
            _gate.Release();
        }
    }

    private async Task<IPage?> PageAsync(CancellationToken cancellationToken)
    {
        if (_page is { IsClosed: false })
        {
            return _page;
        }

        if (_context is null)
        {
            var browser = await host.BrowserAsync(cancellationToken).ConfigureAwait(false);
            // Half the page timeout, so waiting for a slot ends with its own answer rather than the timeout's.
            var slot = await host.TakePageSlotAsync(PageTimeout / 2, cancellationToken).ConfigureAwait(false);
            if (slot is null)
            {
                return null;
            }

            try
            {
                _context = await browser.NewContextAsync(new BrowserNewContextOptions
                {
                    StorageStatePath = File.Exists(profileFile) ? profileFile : null,
                    ServiceWorkers = ServiceWorkerPolicy.Block,
                    AcceptDownloads = false,
                    ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
                    Locale = "en-US",
                }).ConfigureAwait(false);
            }
            catch
            {
                // Without a context this run holds no page; the next attempt takes a slot of its own.
                slot.Dispose();
                throw;
            }

            _slot = slot;
            _context.SetDefaultTimeout((float)PageTimeout.TotalMilliseconds);
        }

        _page = await _context.NewPageAsync().ConfigureAwait(false);
        _events.Watch(_page);
        return _page;
    }

    private async Task ClosePageAsync()
    {
        if (_page is { IsClosed: false } page)
        {
            try
            {
                await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = false }).ConfigureAwait(false);
            }
            catch (PlaywrightException)
            {
                // Already gone.
            }
        }

        _page = null;
        _refs = [];
        _targets = [];
    }
}
