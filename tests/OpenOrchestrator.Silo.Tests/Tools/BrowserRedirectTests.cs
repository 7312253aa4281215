using Microsoft.AspNetCore.Builder;
using OpenOrchestrator.Silo.Tools;

using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace OpenOrchestrator.Silo.Tests.Tools;

public sealed class BrowserRedirectTests : IDisposable
{
    private readonly Browsers _browsers = new();

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.com/file.txt")]
    [InlineData("gopher://example.com/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/plain,hello")]
    [InlineData("/etc/passwd")]
    [InlineData("example.com")]
    [InlineData("")]
    public async Task FetchRefusesAnythingButHttpAndHttps(string url)
    {
        var result = await _browsers.Create(allowedHosts: null).FetchAsync(url, CancellationToken.None);

        Assert.StartsWith("Error: only absolute http:// or https:// URLs", result, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.com/x")]
    public async Task RedirectToANonHttpSchemeIsRefused(string location)
    {
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/", () => HttpResults.Redirect(location)));

        var result = await _browsers.For(server).FetchAsync(server.Url("/"), CancellationToken.None);

        Assert.StartsWith("Error: ", result, StringComparison.Ordinal);
        Assert.Contains("not an http(s) URL", result, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/", "link-local")]
    [InlineData("http://10.0.0.1/admin", "private")]
    [InlineData("http://[::1]/", "loopback")]
    [InlineData("http://localhost/", "loopback")]
    public async Task RedirectsToNonPublicAddressesAreRefusedAtTheHop(string location, string kind)
    {
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/", () => HttpResults.Redirect(location)));

        var result = await _browsers.For(server).FetchAsync(server.Url("/"), CancellationToken.None);

        Assert.StartsWith("Error: refused: ", result, StringComparison.Ordinal);
        Assert.Contains(kind, result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RelativeRedirectsAreResolvedAgainstTheCurrentUrl()
    {
        await using var server = await LocalServer.StartAsync(app =>
        {
            app.MapGet("/a/start", () => HttpResults.Redirect("next"));
            app.MapGet("/a/next", () => HttpResults.Redirect("/final", permanent: true));
            app.MapGet("/final", () => HttpResults.Text("arrived"));
        });

        var result = await _browsers.For(server).FetchAsync(server.Url("/a/start"), CancellationToken.None);

        Assert.Equal("arrived", result);
    }

    [Fact]
    public async Task RedirectLoopsStopAfterMaxRedirects()
    {
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/loop", () => HttpResults.Redirect("/loop")));

        var result = await _browsers.For(server, new BrowserOptions { MaxRedirects = 3 })
            .FetchAsync(server.Url("/loop"), CancellationToken.None);

        Assert.StartsWith("Error: too many redirects (more than 3)", result, StringComparison.Ordinal);
        Assert.Equal(4, server.Hits);
    }

    public void Dispose() => _browsers.Dispose();
}
