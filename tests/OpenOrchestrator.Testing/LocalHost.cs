using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OpenOrchestrator.Testing;

/// <summary>A started Kestrel server on 127.0.0.1 with a random free port.</summary>
internal sealed class LocalHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _disposed;

    private LocalHost(WebApplication app, Uri root)
    {
        _app = app;
        Root = root;
    }

    /// <summary>The server's root, ending with a slash: http://127.0.0.1:PORT/.</summary>
    public Uri Root { get; }

    /// <summary>Signalled when the server begins to stop, so long waits end promptly on dispose.</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    public static async Task<LocalHost> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();

        // The test project may ship an appsettings.json (Kestrel endpoints, URLs) meant for the app under test.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));

        var app = builder.Build();
        map(app);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new LocalHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public CancellationTokenSource LinkToStopping(CancellationToken requestAborted) =>
        CancellationTokenSource.CreateLinkedTokenSource(requestAborted, Stopping);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
