using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Bench;

/// <summary>
/// Serves a published bench/OpenOrchestrator.EmptyDashboard as the silo serves the dashboard: its static assets'
/// endpoints (fingerprinted files under their plain names too, Brotli when the browser takes it) and index.html for
/// any other path.
/// </summary>
public sealed class EmptyDashboardHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmptyDashboardHost(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public static async Task<EmptyDashboardHost> StartAsync(string published)
    {
        var port = Ports.Free();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = published,
            WebRootPath = Path.Combine(published, "wwwroot"),
            EnvironmentName = Environments.Production,
        });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapStaticAssets(Path.Combine(published, "OpenOrchestrator.EmptyDashboard.staticwebassets.endpoints.json"));
        app.MapFallbackToFile("index.html");
        await app.StartAsync();
        return new EmptyDashboardHost(app, new Uri($"http://127.0.0.1:{port}/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
