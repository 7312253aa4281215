using Microsoft.AspNetCore.Builder;

using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace OpenOrchestrator.Silo.Tests.Tools;

public sealed class NetworkGuardTests : IDisposable
{
    private readonly Browsers _browsers = new();

    [Theory]
    [InlineData("http://127.0.0.1/", "loopback")]
    [InlineData("http://localhost:8080/", "loopback")]
    [InlineData("http://[::1]/", "loopback")]
    [InlineData("http://10.0.0.1/", "private")]
    [InlineData("http://172.16.5.4/", "private")]
    [InlineData("http://192.168.1.1/", "private")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "link-local")]
    [InlineData("http://100.64.0.1/", "CGNAT")]
    [InlineData("http://0.0.0.0/", "unspecified")]
    [InlineData("http://[::]/", "unspecified")]
    [InlineData("http://[::ffff:127.0.0.1]/", "loopback")]
    [InlineData("http://[::ffff:169.254.169.254]/", "link-local")]
    [InlineData("http://[fe80::1]/", "link-local")]
    [InlineData("http://[fc00::1]/", "private")]
    [InlineData("http://224.0.0.1/", "multicast")]
    [InlineData("http://255.255.255.255/", "broadcast")]
    [InlineData("http://2130706433/", "loopback")]
    [InlineData("http://0x7f000001/", "loopback")]
    [InlineData("http://127.1/", "loopback")]
    [InlineData("https://127.0.0.1/", "loopback")]
    public async Task FetchRefusesNonPublicAddressesAtConnectTime(string url, string kind)
    {
        var result = await _browsers.Create(allowedHosts: null).FetchAsync(url, CancellationToken.None);

        Assert.StartsWith("Error: refused: ", result, StringComparison.Ordinal);
        Assert.Contains(kind, result, StringComparison.Ordinal);
        Assert.Contains("Tools__Network__AllowedHosts", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchRefusesALoopbackServerThatIsNotAllowListed()
    {
        await using var server = await StartHelloServerAsync();

        var result = await _browsers.Create(allowedHosts: "127.0.0.1:1").FetchAsync(server.Url("/"), CancellationToken.None);

        Assert.StartsWith("Error: refused: 127.0.0.1 is a loopback address", result, StringComparison.Ordinal);
        Assert.Equal(0, server.Hits);
    }

    [Fact]
    public async Task FetchReachesALoopbackServerWhoseHostAndPortAreAllowListed()
    {
        await using var server = await StartHelloServerAsync();

        var result = await _browsers.For(server).FetchAsync(server.Url("/"), CancellationToken.None);

        Assert.Equal("hello from loopback", result);
    }

    [Fact]
    public async Task FetchReachesALoopbackServerWhoseHostNameIsAllowListed()
    {
        await using var server = await StartHelloServerAsync();

        var result = await _browsers.Create("LocalHost").FetchAsync($"http://localhost:{server.Port}/", CancellationToken.None);

        Assert.Equal("hello from loopback", result);
    }

    [Fact]
    public async Task RedirectFromAnAllowedHostToAnotherLoopbackPortIsRefusedAtTheHop()
    {
        await using var target = await StartHelloServerAsync();
        await using var server = await LocalServer.StartAsync(app =>
            app.MapGet("/", () => HttpResults.Redirect(target.Url("/secret"))));

        var result = await _browsers.For(server).FetchAsync(server.Url("/"), CancellationToken.None);

        Assert.StartsWith("Error: refused: 127.0.0.1 is a loopback address", result, StringComparison.Ordinal);
        Assert.Equal(1, server.Hits);
        Assert.Equal(0, target.Hits);
    }

    public void Dispose() => _browsers.Dispose();

    private static Task<LocalServer> StartHelloServerAsync() =>
        LocalServer.StartAsync(app => app.MapGet("/{**path}", () => HttpResults.Text("hello from loopback")));
}
