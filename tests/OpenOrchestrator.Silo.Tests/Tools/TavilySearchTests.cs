using System.Text.Json;
using OpenOrchestrator.Silo.Tools;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Tools;

/// <summary>The web tool against a local service that speaks Tavily's search API.</summary>
public sealed class TavilySearchTests : IAsyncLifetime
{
    private const string Key = "tvly-test-key-93bd01c7";

    private static readonly SearchHit[] TeaHits =
    [
        new("Tea - Wikipedia", "https://en.wikipedia.org/wiki/Tea", "Tea is an aromatic   beverage\n prepared by pouring hot water."),
        new("No url", "", "Dropped."),
        new("Green tea", "https://green.example/", new string('g', 400)),
    ];

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private TavilySearchServer _tavily = null!;

    public async Task InitializeAsync() => _tavily = await TavilySearchServer.StartAsync(Key, _ => SearchReply.With(TeaHits));

    public async Task DisposeAsync()
    {
        await _tavily.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task SearchPostsTheQueryToTavilyWithTheKeyAsABearerToken()
    {
        await Plugin().SearchAsync("green & \"black\" tea", 3, CancellationToken.None);

        var request = Assert.Single(_tavily.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/search", request.Path);
        Assert.Equal($"Bearer {Key}", request.Header("Authorization"));
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(["query", "max_results"], body.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("green & \"black\" tea", body.RootElement.GetProperty("query").GetString());
        Assert.Equal(3, body.RootElement.GetProperty("max_results").GetInt32());
    }

    [Fact]
    public async Task ResultsAreListedWithLongContentCut()
    {
        var result = await Plugin().SearchAsync("tea", cancellationToken: CancellationToken.None);

        Assert.Equal(
            "1. Tea - Wikipedia — https://en.wikipedia.org/wiki/Tea\n"
            + "   Tea is an aromatic beverage prepared by pouring hot water.\n"
            + "2. Green tea — https://green.example/\n"
            + "   " + new string('g', 300) + "…",
            result);
    }

    [Theory]
    [InlineData(null, 8, 8)]
    [InlineData(0, 8, 1)]
    [InlineData(5, 2, 2)]
    [InlineData(50, 50, 20)]
    public async Task MaxResultsIsKeptWithinMaxResultsAndTavilysTwenty(int? count, int maxResults, int sent)
    {
        await Plugin(maxResults: maxResults).SearchAsync("tea", count, CancellationToken.None);

        using var body = JsonDocument.Parse(Assert.Single(_tavily.Requests).Body);
        Assert.Equal(sent, body.RootElement.GetProperty("max_results").GetInt32());
    }

    [Theory]
    [InlineData(401, "Error: Tavily refused the API key (HTTP 401); the server's WebSearch__ApiKey needs checking.")]
    [InlineData(429, "Error: Tavily is limiting the rate of searches (HTTP 429); try again later.")]
    [InlineData(432, "Error: Tavily says the account's search quota is used up (HTTP 432).")]
    [InlineData(433, "Error: Tavily says the account's search quota is used up (HTTP 433).")]
    [InlineData(500, "Error: web search failed: Tavily answered HTTP 500 Internal Server Error.")]
    public async Task FailuresNameTavilyAndNeverTheKey(int status, string expected)
    {
        _tavily.Script = _ => SearchReply.Error(status);

        var result = await Plugin().SearchAsync("tea", cancellationToken: CancellationToken.None);

        Assert.Equal(expected, result);
        Assert.DoesNotContain(Key, result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKeyTavilyDoesNotKnowIsReportedAsRefused()
    {
        const string wrongKey = "tvly-revoked-key-5e5e5e";

        var result = await Plugin(key: wrongKey).SearchAsync("tea", cancellationToken: CancellationToken.None);

        Assert.Equal("Error: Tavily refused the API key (HTTP 401); the server's WebSearch__ApiKey needs checking.", result);
        Assert.DoesNotContain(wrongKey, result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnswerCutOffIsReportedAsAnError()
    {
        _tavily.Script = _ => SearchReply.Truncated(TeaHits);

        Assert.Equal(
            "Error: the search service did not answer with Tavily JSON.",
            await Plugin().SearchAsync("tea", cancellationToken: CancellationToken.None));
    }

    [Fact]
    public async Task NoResultsIsSaidPlainly()
    {
        _tavily.Script = _ => SearchReply.With();

        Assert.Equal("No results for 'tea'.", await Plugin().SearchAsync("tea", cancellationToken: CancellationToken.None));
    }

    [Fact]
    public void WithoutAnEndpointTavilysPublicApiIsAsked()
    {
        var provider = WebSearchPlugin.ProviderFor(new WebSearchOptions { Provider = "tavily", ApiKey = Key })!;

        using var request = provider.CreateRequest("tea", 5);

        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://api.tavily.com/search", request.RequestUri!.AbsoluteUri);
    }

    private WebSearchPlugin Plugin(string key = Key, int maxResults = 8) => new(_http, new WebSearchOptions
    {
        Provider = WebSearchOptions.Tavily, Endpoint = _tavily.Endpoint.AbsoluteUri, ApiKey = key, MaxResults = maxResults,
    });
}
