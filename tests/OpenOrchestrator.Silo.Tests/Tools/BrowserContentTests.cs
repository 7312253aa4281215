using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.SemanticKernel;
using OpenOrchestrator.Silo.Tools;

using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace OpenOrchestrator.Silo.Tests.Tools;

public sealed class BrowserContentTests : IDisposable
{
    private readonly Browsers _browsers = new();

    [Fact]
    public async Task AnEndlessBodyIsCutAtMaxResponseBytesAndMarkedTruncated()
    {
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/plain";
            var chunk = new string('a', 4096);
            while (!context.RequestAborted.IsCancellationRequested)
            {
                await context.Response.WriteAsync(chunk, context.RequestAborted);
            }
        }));

        var result = await _browsers.For(server, new BrowserOptions { MaxResponseBytes = 10_000 })
            .FetchAsync(server.Url("/"), CancellationToken.None);

        Assert.Equal(new string('a', 10_000) + "\n[truncated]", result);
    }

    [Fact]
    public async Task LongTextIsCutAtMaxTextChars()
    {
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/", () => HttpResults.Text(new string('b', 5_000))));

        var result = await _browsers.For(server, new BrowserOptions { MaxTextChars = 1_000 })
            .FetchAsync(server.Url("/"), CancellationToken.None);

        Assert.Equal(new string('b', 1_000) + "\n[truncated]", result);
    }

    [Fact]
    public async Task ASlowServerTimesOutWithAnError()
    {
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/", (HttpContext context) =>
            new TaskCompletionSource().Task.WaitAsync(context.RequestAborted)));

        var result = await _browsers.For(server, new BrowserOptions { TimeoutSeconds = 1 })
            .FetchAsync(server.Url("/"), CancellationToken.None);

        Assert.StartsWith("Error: fetching", result, StringComparison.Ordinal);
        Assert.Contains("timed out after 1 seconds", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancellationByTheCallerPropagates()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/", (HttpContext context) =>
        {
            arrived.TrySetResult();
            return new TaskCompletionSource().Task.WaitAsync(context.RequestAborted);
        }));
        using var cancellation = new CancellationTokenSource();

        var fetch = _browsers.For(server).FetchAsync(server.Url("/"), cancellation.Token);
        await arrived.Task;
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetch);
    }

    [Theory]
    [InlineData(404, "HTTP 404")]
    [InlineData(500, "HTTP 500")]
    [InlineData(403, "HTTP 403")]
    public async Task NonSuccessStatusesAreReportedAsErrors(int status, string expected)
    {
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/", () => HttpResults.StatusCode(status)));

        var result = await _browsers.For(server).FetchAsync(server.Url("/"), CancellationToken.None);

        Assert.StartsWith("Error: ", result, StringComparison.Ordinal);
        Assert.Contains(expected, result, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("image/png")]
    [InlineData("application/pdf")]
    [InlineData("application/octet-stream")]
    public async Task BinaryContentIsRefused(string contentType)
    {
        await using var server = await LocalServer.StartAsync(app =>
            app.MapGet("/", () => HttpResults.Bytes([0x89, 0x50, 0x4E, 0x47, 0, 1, 2], contentType)));

        var result = await _browsers.For(server).FetchAsync(server.Url("/"), CancellationToken.None);

        Assert.StartsWith("Error: ", result, StringComparison.Ordinal);
        Assert.Contains($"binary content ({contentType})", result, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json", "{\"name\": \"value\"}")]
    [InlineData("text/plain; charset=utf-8", "plain words — ünïcödé")]
    [InlineData("text/csv", "a,b\n1,2")]
    public async Task TextContentIsReturnedAsIs(string contentType, string body)
    {
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/", () => HttpResults.Text(body, contentType)));

        var result = await _browsers.For(server).FetchAsync(server.Url("/"), CancellationToken.None);

        Assert.Equal(body, result);
    }

    [Fact]
    public async Task HtmlPagesComeBackAsReadableTextWithAbsoluteLinks()
    {
        const string Html = """
            <html><head><title>Shop</title><style>body { color: red }</style></head>
            <body><script>alert('x')</script><h1>Items</h1>
            <ul><li><a href="/items/1">First item</a></li><li><a href="items/2?x=1">Second item</a></li></ul>
            </body></html>
            """;
        await using var server = await LocalServer.StartAsync(app =>
            app.MapGet("/shop/", () => HttpResults.Text(Html, "text/html; charset=utf-8")));

        var result = await _browsers.For(server).FetchAsync(server.Url("/shop/"), CancellationToken.None);

        Assert.Equal(
            $"Shop\n\n# Items\n- First item ({server.Url("/items/1")})\n- Second item ({server.Url("/shop/items/2?x=1")})",
            result);
    }

    [Fact]
    public async Task TheKernelCallsFetchWithOnlyTheUrl()
    {
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/", () => HttpResults.Text("via kernel")));
        var plugin = KernelPluginFactory.CreateFromObject(_browsers.For(server), BrowserPlugin.PluginName);

        var result = await plugin["fetch"].InvokeAsync(new Kernel(), new KernelArguments { ["url"] = server.Url("/") });

        Assert.Equal(["url"], plugin["fetch"].Metadata.Parameters.Select(parameter => parameter.Name));
        Assert.Equal("via kernel", result.GetValue<string>());
    }

    public void Dispose() => _browsers.Dispose();
}
