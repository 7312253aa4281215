using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OpenOrchestrator.Silo.Tests.Tools;

/// <summary>A real Kestrel server on 127.0.0.1 and a free port, for tests that need HTTP.</summary>
internal sealed class LocalServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _hits;

    private LocalServer(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    public int Port => BaseUri.Port;

    /// <summary>How many requests reached the server.</summary>
    public int Hits => Volatile.Read(ref _hits);

    public static async Task<LocalServer> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LocalServer(app);
        app.Use(async (context, next) =>
        {
            Interlocked.Increment(ref server._hits);
            await next(context);
        });
        map(app);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseUri = new Uri(address + "/");
        return server;
    }

    public string Url(string path) => new Uri(BaseUri, path).AbsoluteUri;

    public async ValueTask DisposeAsync()
    {
        using var shutdown = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(shutdown.Token);
        await _app.DisposeAsync();
    }
}
