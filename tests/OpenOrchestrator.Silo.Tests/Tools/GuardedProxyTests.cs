using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using OpenOrchestrator.Silo.Tools;
using OpenOrchestrator.Silo.Tools.Browser;

using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace OpenOrchestrator.Silo.Tests.Tools;

/// <summary>The proxy Chromium goes through, spoken to directly over a socket, as Chromium speaks to it.</summary>
public sealed class GuardedProxyTests
{
    [Fact]
    public async Task ATunnelToAnUnlistedLoopbackPortIsRefusedWithoutConnecting()
    {
        await using var closed = new ClosedPort();
        await using var proxy = Start(allowedHosts: null);

        var answer = await SendAsync(proxy, $"CONNECT 127.0.0.1:{closed.Port} HTTP/1.1\r\nHost: 127.0.0.1:{closed.Port}\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 403 Forbidden", answer, StringComparison.Ordinal);
        Assert.Contains("refused: 127.0.0.1 is a loopback address", answer, StringComparison.Ordinal);
        Assert.Equal("refused: 127.0.0.1 is a loopback address (add the host to Tools__Network__AllowedHosts to allow it)",
            proxy.RefusalFor("127.0.0.1", closed.Port));
        Assert.Equal(0, closed.Accepted);
    }

    [Fact]
    public async Task APlainRequestToTheMetadataAddressIsRefusedAndMarked()
    {
        await using var proxy = Start(allowedHosts: null);

        var answer = await SendAsync(proxy, "GET http://169.254.169.254/latest/meta-data/ HTTP/1.1\r\nHost: 169.254.169.254\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 502 Bad Gateway", answer, StringComparison.Ordinal);
        Assert.Contains($"{GuardedProxy.RefusedHeader}: 1", answer, StringComparison.Ordinal);
        Assert.Contains("link-local", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAllowListedServerIsReachedThroughTheProxy()
    {
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/hello", () => HttpResults.Text("hello through the proxy")));
        await using var proxy = Start($"127.0.0.1:{server.Port}");

        var answer = await SendAsync(proxy,
            $"GET {server.Url("/hello")} HTTP/1.1\r\nHost: 127.0.0.1:{server.Port}\r\nProxy-Connection: keep-alive\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 200 OK", answer, StringComparison.Ordinal);
        Assert.EndsWith("hello through the proxy", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARequestWithAHeadOfManyKilobytesIsForwardedWhole()
    {
        var cookie = new string('c', 20_000);
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/cookie", (HttpContext context) =>
            HttpResults.Text($"cookie of {context.Request.Cookies["big"]?.Length} characters")));
        await using var proxy = Start($"127.0.0.1:{server.Port}");

        var answer = await SendAsync(proxy,
            $"GET {server.Url("/cookie")} HTTP/1.1\r\nHost: 127.0.0.1:{server.Port}\r\nCookie: big={cookie}\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 200 OK", answer, StringComparison.Ordinal);
        Assert.EndsWith("cookie of 20000 characters", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutChromiumOpenSaysSoAndFetchStillWorks()
    {
        await using var browser = new RenderedBrowser(null, new BrowserOptions { ChromiumPath = "/nonexistent/chromium" });

        var result = await browser.StartRun().OpenAsync("https://example.com/", CancellationToken.None);

        Assert.StartsWith("Error: no Chromium is installed on this server", result, StringComparison.Ordinal);
        Assert.Contains("browser-fetch still reads pages", result, StringComparison.Ordinal);
    }

    private static GuardedProxy Start(string? allowedHosts)
    {
        var proxy = new GuardedProxy(new NetworkGuard(new NetworkOptions { AllowedHosts = allowedHosts }), NullLogger<GuardedProxy>.Instance);
        proxy.Start();
        return proxy;
    }

    /// <summary>Sends one request and reads until the proxy closes the connection.</summary>
    private static async Task<string> SendAsync(GuardedProxy proxy, string request)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", proxy.Port, deadline.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), deadline.Token);
        using var answer = new MemoryStream();
        await stream.CopyToAsync(answer, deadline.Token);
        return Encoding.UTF8.GetString(answer.ToArray());
    }
}
