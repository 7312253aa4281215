using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel;
using OpenOrchestrator.Silo.Documents;
using OpenOrchestrator.Silo.Tools;
using OpenOrchestrator.Silo.Tools.Browser;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Tools;

/// <summary>
/// A real Chromium behind the guarded proxy, allowed to reach only the given hosts, with a bot's documents
/// and profile in a temporary folder; each <see cref="StartRun"/> is one run's browser.
/// </summary>
internal sealed class RenderedBrowser : IAsyncDisposable
{
    public const string BotId = "bot-browser";

    private readonly string _data = TempDirectory.Create("oo-browser-");
    private readonly ChromiumHost _host;
    private readonly PagePlugin _pages;
    private readonly List<BrowserSession> _runs = [];

    public RenderedBrowser(string? allowedHosts, BrowserOptions? options = null, TimeProvider? time = null)
    {
        Options = options ?? new BrowserOptions { SecondsPerDomain = 0, ChromiumPath = "/usr/bin/chromium" };
        var guard = new NetworkGuard(new NetworkOptions { AllowedHosts = allowedHosts });
        _host = new ChromiumHost(Options, new GuardedProxy(guard, NullLogger<GuardedProxy>.Instance));
        Sessions = new BrowserSessions(_host, Options, Path.Join(_data, "profiles"));
        Documents = new DocumentStore(Path.Join(_data, "bots"), new DocumentOptions());
        _pages = new PagePlugin(new DomainPace(Options, time ?? TimeProvider.System), Documents);
    }

    public BrowserOptions Options { get; }

    public BrowserSessions Sessions { get; }

    public DocumentStore Documents { get; }

    public static RenderedBrowser For(LocalServer server, BrowserOptions? options = null, TimeProvider? time = null) =>
        new($"127.0.0.1:{server.Port}", options, time);

    public RunPages StartRun()
    {
        var session = Sessions.Start(BotId);
        _runs.Add(session);
        var kernel = new Kernel();
        kernel.Data[BrowserSession.KernelDataKey] = session;
        return new RunPages(_pages, kernel);
    }

    /// <summary>Ends the runs started so far, saving the bot's profile as a finished run does.</summary>
    public async Task EndRunsAsync()
    {
        foreach (var run in _runs)
        {
            await run.DisposeAsync();
        }

        _runs.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await EndRunsAsync();
        await _host.DisposeAsync();
        Documents.Dispose();
        TempDirectory.DeleteQuietly(_data);
    }
}
