using Microsoft.AspNetCore.Builder;

using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace OpenOrchestrator.Silo.Tests.Tools;

/// <summary>The network guard holds for everything Chromium loads: only the page server's port is allowed.</summary>
[Trait("Category", "Browser")]
public sealed class BrowserGuardTests
{
    [Fact]
    public async Task AnImageOnAnUnlistedLoopbackPortNeverReachesIt()
    {
        await using var closed = new ClosedPort();
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/", () => HttpResults.Content(
            $"<html><body><h1>Gallery</h1><img src='{closed.Url("/cat.png")}' alt='cat'></body></html>", "text/html")));
        await using var browser = RenderedBrowser.For(server);

        var result = await browser.StartRun().OpenAsync(server.Url("/"), CancellationToken.None);

        Assert.Contains("Gallery", result, StringComparison.Ordinal);
        Assert.Contains($"Refused by the network guard: 127.0.0.1:{closed.Port}", result, StringComparison.Ordinal);
        Assert.Equal(0, closed.Accepted);
    }

    [Fact]
    public async Task ARedirectToAnUnlistedLoopbackPortIsRefused()
    {
        await using var closed = new ClosedPort();
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/go", () => HttpResults.Redirect(closed.Url("/admin"))));
        await using var browser = RenderedBrowser.For(server);

        var result = await browser.StartRun().OpenAsync(server.Url("/go"), CancellationToken.None);

        Assert.StartsWith($"Error: refused: 127.0.0.1 is a loopback address", result, StringComparison.Ordinal);
        Assert.Equal(0, closed.Accepted);
    }

    [Fact]
    public async Task AnHttpsPageOnAGuardedAddressIsRefusedAtItsTunnel()
    {
        await using var closed = new ClosedPort();
        await using var browser = new RenderedBrowser(allowedHosts: null);

        var result = await browser.StartRun().OpenAsync($"https://127.0.0.1:{closed.Port}/", CancellationToken.None);

        Assert.StartsWith("Error: refused: 127.0.0.1 is a loopback address", result, StringComparison.Ordinal);
        Assert.Equal(0, closed.Accepted);
    }

    [Fact]
    public async Task AWebSocketToAnUnlistedLoopbackPortIsRefused()
    {
        await using var closed = new ClosedPort();
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/", () => HttpResults.Content($$"""
            <html><body><p id="state">connecting</p><script>
              const socket = new WebSocket('ws://127.0.0.1:{{closed.Port}}/feed');
              socket.onopen = () => document.getElementById('state').textContent = 'socket open';
              socket.onclose = () => document.getElementById('state').textContent = 'socket closed';
            </script></body></html>
            """, "text/html")));
        await using var browser = RenderedBrowser.For(server);

        var result = await browser.StartRun().OpenAsync(server.Url("/"), CancellationToken.None);

        Assert.Contains("socket closed", result, StringComparison.Ordinal);
        Assert.Equal(0, closed.Accepted);
    }
}
