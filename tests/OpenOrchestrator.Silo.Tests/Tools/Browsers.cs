using OpenOrchestrator.Silo.Tools;

namespace OpenOrchestrator.Silo.Tests.Tools;

/// <summary>Builds browser plugins on NetworkGuard's handler and disposes their clients.</summary>
internal sealed class Browsers : IDisposable
{
    private readonly List<HttpClient> _clients = [];

    public BrowserPlugin Create(string? allowedHosts, BrowserOptions? options = null)
    {
        var guard = new NetworkGuard(new NetworkOptions { AllowedHosts = allowedHosts });
        var client = new HttpClient(guard.CreateHandler());
        _clients.Add(client);
        return new BrowserPlugin(client, options ?? new BrowserOptions());
    }

    /// <summary>A browser allowed to reach exactly this server.</summary>
    public BrowserPlugin For(LocalServer server, BrowserOptions? options = null) => Create($"127.0.0.1:{server.Port}", options);

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }
}
