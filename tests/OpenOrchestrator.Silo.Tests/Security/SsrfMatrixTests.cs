using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Silo.Tests.Tools;

using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace OpenOrchestrator.Silo.Tests.Security;

/// <summary>
/// Every way a bot or a user can make the server connect somewhere (<c>browser.fetch</c>, <c>browser.open</c> and
/// everything its page loads, redirects, an MCP server's URL), against a loopback port nobody allowed, written in
/// every spelling of a loopback address: the port receives zero connections.
/// </summary>
[Trait("Category", "Security")]
[Collection(ApiCollection.Name)]
public sealed class SsrfMatrixTests(ApiFixture fixture) : IAsyncLifetime, IDisposable
{
    /// <summary>Spellings of this machine's loopback address; <c>{port}</c> is the guarded port.</summary>
    private static readonly string[] Spellings =
    [
        "http://127.0.0.1:{port}/", "https://127.0.0.1:{port}/", "http://localhost:{port}/", "http://localhost.:{port}/",
        "http://127.1:{port}/", "http://127.0.1:{port}/", "http://2130706433:{port}/", "http://0x7f000001:{port}/",
        "http://0x7f.0.0.1:{port}/", "http://0177.0.0.1:{port}/", "http://0.0.0.0:{port}/", "http://[::1]:{port}/",
        "http://[::ffff:127.0.0.1]:{port}/", "http://[::ffff:7f00:1]:{port}/", "http://[0:0:0:0:0:0:0:1]:{port}/",
        "http://user:pass@127.0.0.1:{port}/", "http://127.0.0.1:{port}#@shop.example/", "http://LOCALHOST:{port}/",
    ];

    private readonly Browsers _fetchers = new();
    private ClosedPort _guarded = null!;
    private LocalServer _site = null!;

    public async Task InitializeAsync()
    {
        _guarded = new ClosedPort();
        _site = await LocalServer.StartAsync(app =>
        {
            app.MapGet("/redirect", (string to) => HttpResults.Redirect(to));
            app.MapGet("/embed", (string target) => HttpResults.Content(Embedding(target), "text/html"));
        });
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _guarded.DisposeAsync();
    }

    public void Dispose() => _fetchers.Dispose();

    [Fact]
    public async Task FetchReachesNoSpellingOfLoopbackDirectlyOrByRedirect()
    {
        var fetch = _fetchers.For(_site);
        var answers = new List<string>();

        foreach (var target in Targets())
        {
            answers.Add(await fetch.FetchAsync(target, CancellationToken.None));
            answers.Add(await fetch.FetchAsync(Redirect(target), CancellationToken.None));
        }

        Assert.Equal(0, _guarded.Accepted);
        Assert.All(answers, a => Assert.StartsWith("Error: ", a, StringComparison.Ordinal));
        // The port counts what reaches it: allowed, the same fetch arrives.
        await _fetchers.Create($"127.0.0.1:{_site.Port},127.0.0.1:{_guarded.Port}").FetchAsync(Redirect(Targets().First()), CancellationToken.None);
        Assert.True(_guarded.Accepted > 0);
    }

    [Fact]
    [Trait("Category", "Browser")]
    public async Task ThePageReachesNoSpellingOfLoopbackDirectlyByRedirectOrFromWhatItLoads()
    {
        await using var browser = RenderedBrowser.For(_site);
        var opened = new List<string>();
        var embedded = new List<string>();

        foreach (var target in Targets())
        {
            opened.Add(await browser.StartRun().OpenAsync(target, CancellationToken.None));
            opened.Add(await browser.StartRun().OpenAsync(Redirect(target), CancellationToken.None));
            embedded.Add(await browser.StartRun().OpenAsync(_site.Url($"/embed?target={Uri.EscapeDataString(target)}"), CancellationToken.None));
            await browser.EndRunsAsync();
        }

        Assert.Equal(0, _guarded.Accepted);
        Assert.All(opened, o => Assert.StartsWith("Error: ", o, StringComparison.Ordinal));
        Assert.All(embedded, e => Assert.Contains("Embedding page", e, StringComparison.Ordinal));
        // The port counts what reaches it: allowed, the embedding page's requests arrive.
        await using var allowed = new RenderedBrowser($"127.0.0.1:{_site.Port},127.0.0.1:{_guarded.Port}", browser.Options);
        await allowed.StartRun().OpenAsync(_site.Url($"/embed?target={Uri.EscapeDataString(Targets().First())}"), CancellationToken.None);
        Assert.True(_guarded.Accepted > 0);
    }

    [Fact]
    public async Task NoSpellingOfLoopbackIsAcceptedAsAnMcpServer()
    {
        var client = await fixture.SignUpAsync();
        var statuses = new List<HttpStatusCode>();

        foreach (var (target, index) in Targets().Select((t, i) => (t, i)))
        {
            var response = await client.PostAsJsonAsync("/api/mcp-servers", new McpServerSpec { Name = $"probe{index}", Transport = McpTransports.Http, Url = target });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(0, _guarded.Accepted);
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.BadRequest, s));
        Assert.Empty((await client.GetFromJsonAsync<List<McpServerView>>("/api/mcp-servers"))!);
    }

    private IEnumerable<string> Targets() => Spellings.Select(s => s.Replace("{port}", _guarded.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

    private string Redirect(string target) => _site.Url($"/redirect?to={Uri.EscapeDataString(target)}");

    /// <summary>A page on an allowed host that asks for the target every way a page can.</summary>
    private static string Embedding(string target)
    {
        var url = WebUtility.HtmlEncode(target);
        var js = System.Text.Json.JsonSerializer.Serialize(target);
        var ws = System.Text.Json.JsonSerializer.Serialize(target.Replace("https://", "wss://", StringComparison.Ordinal).Replace("http://", "ws://", StringComparison.Ordinal));
        return $$"""
            <html><head>
              <link rel="stylesheet" href="{{url}}a.css"><link rel="prefetch" href="{{url}}b"><link rel="preconnect" href="{{url}}">
              <style>body { background: url("{{url}}c.png"); }</style>
            </head><body>
              <h1>Embedding page</h1>
              <img src="{{url}}d.png"><script src="{{url}}e.js"></script><iframe src="{{url}}f"></iframe>
              <video src="{{url}}g.mp4"></video><object data="{{url}}h"></object>
              <form id="f" method="post" action="{{url}}i" target="sink"><input name="x" value="1"></form><iframe name="sink"></iframe>
              <script>
                const target = {{js}};
                fetch(target + 'j').catch(() => {});
                const xhr = new XMLHttpRequest(); xhr.open('GET', target + 'k'); xhr.send();
                try { new WebSocket({{ws}} + 'l'); } catch (e) {}
                try { new EventSource(target + 'm'); } catch (e) {}
                navigator.sendBeacon(target + 'n', 'x');
                document.getElementById('f').submit();
              </script>
            </body></html>
            """;
    }
}
