using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.SemanticKernel;
using OpenOrchestrator.Silo.Tools;

using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace OpenOrchestrator.Silo.Tests.Tools;

public sealed class WebSearchPluginTests : IDisposable
{
    private const string Results3 = """
        {"query": "tea", "results": [
          {"title": "Tea - Wikipedia", "url": "https://en.wikipedia.org/wiki/Tea", "content": "Tea is an aromatic   beverage\n prepared by pouring hot water."},
          {"title": "", "url": "https://tea.example/", "content": ""}, {"title": "No url"},
          {"title": "Green tea", "url": "https://green.example/", "content": "Green."}
        ]}
        """;

    private readonly HttpClient _http = new();
    private readonly List<string> _requests = [];

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task SearchSaysWhenItIsNotConfigured(string? endpoint)
    {
        var plugin = new WebSearchPlugin(_http, new WebSearchOptions { Endpoint = endpoint });

        Assert.Equal(
            "Error: web search is not configured (set WebSearch__Endpoint)",
            await plugin.SearchAsync("tea", cancellationToken: CancellationToken.None));
    }

    [Fact]
    public async Task SearchCallsTheSearxngJsonApiUnderTheEndpointsPathAndListsResults()
    {
        await using var server = await StartSearxngAsync();
        var plugin = new WebSearchPlugin(_http, new WebSearchOptions { Endpoint = server.Url("/searx/") });

        var result = await plugin.SearchAsync("green & black tea", cancellationToken: CancellationToken.None);

        Assert.Equal(
            "1. Tea - Wikipedia — https://en.wikipedia.org/wiki/Tea\n"
            + "   Tea is an aromatic beverage prepared by pouring hot water.\n"
            + "2. https://tea.example/ — https://tea.example/\n"
            + "3. Green tea — https://green.example/\n"
            + "   Green.",
            result);
        Assert.Equal(["/searx/search?q=green & black tea&format=json bearer:none"], _requests);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(0, 1)]
    [InlineData(50, 2)]
    public async Task CountIsKeptBetweenOneAndMaxResults(int count, int expectedResults)
    {
        await using var server = await StartSearxngAsync();
        var plugin = new WebSearchPlugin(_http, new WebSearchOptions { Endpoint = server.Url("/"), MaxResults = 2 });

        var result = await plugin.SearchAsync("tea", count, CancellationToken.None);

        Assert.Equal(expectedResults, result.Split('\n').Count(line => !line.StartsWith(' ')));
    }

    [Fact]
    public async Task TheKernelCanCallSearchWithTheCountAsTextTheWayModelsSendIt()
    {
        await using var server = await StartSearxngAsync();
        var plugin = KernelPluginFactory.CreateFromObject(
            new WebSearchPlugin(_http, new WebSearchOptions { Endpoint = server.Url("/") }), WebSearchPlugin.PluginName);

        var result = await plugin["search"].InvokeAsync(new Kernel(), new KernelArguments { ["query"] = "tea", ["count"] = "1" });

        Assert.Equal(["query", "count"], plugin["search"].Metadata.Parameters.Select(parameter => parameter.Name));
        Assert.False(plugin["search"].Metadata.Parameters[1].IsRequired);
        Assert.Equal(
            "1. Tea - Wikipedia — https://en.wikipedia.org/wiki/Tea\n   Tea is an aromatic beverage prepared by pouring hot water.",
            result.GetValue<string>());
    }

    [Fact]
    public async Task TheApiKeyIsSentAsABearerToken()
    {
        await using var server = await StartSearxngAsync();
        var plugin = new WebSearchPlugin(_http, new WebSearchOptions { Endpoint = server.Url("/"), ApiKey = "s3cret" });

        await plugin.SearchAsync("tea", cancellationToken: CancellationToken.None);

        Assert.EndsWith("bearer:Bearer s3cret", Assert.Single(_requests), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerErrorsAndBadAnswersAreReportedAsErrors()
    {
        await using var server = await LocalServer.StartAsync(app =>
        {
            app.MapGet("/broken/search", () => HttpResults.StatusCode(502));
            app.MapGet("/html/search", () => HttpResults.Text("<html></html>", "text/html"));
        });

        var broken = await new WebSearchPlugin(_http, new WebSearchOptions { Endpoint = server.Url("/broken") })
            .SearchAsync("tea", cancellationToken: CancellationToken.None);
        var html = await new WebSearchPlugin(_http, new WebSearchOptions { Endpoint = server.Url("/html") })
            .SearchAsync("tea", cancellationToken: CancellationToken.None);

        Assert.Equal("Error: web search failed: SearXNG answered HTTP 502 Bad Gateway.", broken);
        Assert.Equal("Error: the search service did not answer with SearXNG JSON.", html);
    }

    [Fact]
    public async Task AKeyTheServiceEchoesIsBlankedOutOfTheError()
    {
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/search", (HttpContext context) =>
        {
            context.Response.StatusCode = 502;
            context.Features.GetRequiredFeature<IHttpResponseFeature>().ReasonPhrase = $"Upstream rejected {context.Request.Headers.Authorization}";
        }));
        var plugin = new WebSearchPlugin(_http, new WebSearchOptions { Endpoint = server.Url("/"), ApiKey = "s3cret-proxy-key" });

        var result = await plugin.SearchAsync("tea", cancellationToken: CancellationToken.None);

        Assert.Equal("Error: web search failed: SearXNG answered HTTP 502 Upstream rejected Bearer [key].", result);
    }

    [Fact]
    public async Task NoResultsIsSaidPlainly()
    {
        await using var server = await LocalServer.StartAsync(app =>
            app.MapGet("/search", () => HttpResults.Text("""{"results": []}""", "application/json")));
        var plugin = new WebSearchPlugin(_http, new WebSearchOptions { Endpoint = server.Url("/") });

        Assert.Equal("No results for 'tea'.", await plugin.SearchAsync("tea", cancellationToken: CancellationToken.None));
    }

    public void Dispose() => _http.Dispose();

    private Task<LocalServer> StartSearxngAsync() => LocalServer.StartAsync(app =>
        app.MapGet("/{**prefix}", (HttpContext context) =>
        {
            var request = context.Request;
            var bearer = request.Headers.Authorization.Count > 0 ? request.Headers.Authorization.ToString() : "none";
            lock (_requests)
            {
                _requests.Add($"{request.Path}?q={request.Query["q"]}&format={request.Query["format"]} bearer:{bearer}");
            }

            return HttpResults.Text(Results3, "application/json");
        }));
}
