using OpenOrchestrator.Silo.Tools;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Tools;

/// <summary>The web tool against a local service that speaks Brave's Web Search API.</summary>
public sealed class BraveSearchTests : IAsyncLifetime
{
    private const string Key = "BSA-test-key-4f7c2e91";

    private static readonly SearchHit[] TeaHits =
    [
        new("<strong>Tea</strong> - Wikipedia", "https://en.wikipedia.org/wiki/Tea", "<strong>Tea</strong> is an aromatic   beverage\n prepared by pouring hot water &amp; leaves."),
        new("", "https://tea.example/", ""),
        new("Green &amp; black", "https://green.example/", "Green."),
    ];

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private BraveSearchServer _brave = null!;

    public async Task InitializeAsync() => _brave = await BraveSearchServer.StartAsync(Key, _ => SearchReply.With(TeaHits));

    public async Task DisposeAsync()
    {
        await _brave.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task SearchAsksBravesWebSearchApiWithTheKeyInItsHeader()
    {
        await Plugin().SearchAsync("green & black tea", 3, CancellationToken.None);

        var request = Assert.Single(_brave.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/res/v1/web/search", request.Path);
        Assert.Equal("green & black tea", request.Parameter("q"));
        Assert.Equal("3", request.Parameter("count"));
        Assert.Equal(Key, request.Header("X-Subscription-Token"));
        Assert.Equal("application/json", request.Header("Accept"));
        Assert.Null(request.Header("Authorization"));
    }

    [Fact]
    public async Task ResultsAreListedWithBravesMarkupTakenOut()
    {
        var result = await Plugin().SearchAsync("tea", cancellationToken: CancellationToken.None);

        Assert.Equal(
            "1. Tea - Wikipedia — https://en.wikipedia.org/wiki/Tea\n"
            + "   Tea is an aromatic beverage prepared by pouring hot water & leaves.\n"
            + "2. https://tea.example/ — https://tea.example/\n"
            + "3. Green & black — https://green.example/\n"
            + "   Green.",
            result);
    }

    [Theory]
    [InlineData(null, 8, "8", 3)]
    [InlineData(1, 8, "1", 1)]
    [InlineData(0, 8, "1", 1)]
    [InlineData(5, 2, "2", 2)]
    [InlineData(50, 50, "20", 3)]
    public async Task CountIsKeptWithinMaxResultsAndBravesTwenty(int? count, int maxResults, string sent, int listed)
    {
        var result = await Plugin(maxResults: maxResults).SearchAsync("tea", count, CancellationToken.None);

        Assert.Equal(sent, Assert.Single(_brave.Requests).Parameter("count"));
        Assert.Equal(listed, result.Split('\n').Count(line => !line.StartsWith(' ')));
    }

    [Fact]
    public async Task NoWebResultsIsSaidPlainly()
    {
        _brave.Script = _ => SearchReply.With();

        Assert.Equal("No results for 'tea'.", await Plugin().SearchAsync("tea", cancellationToken: CancellationToken.None));
    }

    [Theory]
    [InlineData(401, "Error: Brave Search refused the API key (HTTP 401); the server's WebSearch__ApiKey needs checking.")]
    [InlineData(403, "Error: Brave Search refused the API key (HTTP 403); the server's WebSearch__ApiKey needs checking.")]
    [InlineData(429, "Error: Brave Search is limiting the rate of searches (HTTP 429); try again later.")]
    [InlineData(500, "Error: web search failed: Brave Search answered HTTP 500 Internal Server Error.")]
    public async Task FailuresNameBraveAndNeverTheKey(int status, string expected)
    {
        _brave.Script = _ => SearchReply.Error(status);

        var result = await Plugin().SearchAsync("tea", cancellationToken: CancellationToken.None);

        Assert.Equal(expected, result);
        Assert.DoesNotContain(Key, result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKeyBraveDoesNotKnowIsReportedAsRefused()
    {
        const string wrongKey = "BSA-revoked-key-0a0a0a";

        var result = await Plugin(key: wrongKey).SearchAsync("tea", cancellationToken: CancellationToken.None);

        Assert.Equal("Error: Brave Search refused the API key (HTTP 422); the server's WebSearch__ApiKey needs checking.", result);
        Assert.Equal(wrongKey, Assert.Single(_brave.Requests).Header("X-Subscription-Token"));
    }

    [Fact]
    public async Task AnAnswerCutOffIsReportedAsAnError()
    {
        _brave.Script = _ => SearchReply.Truncated(TeaHits);

        Assert.Equal(
            "Error: the search service did not answer with Brave Search JSON.",
            await Plugin().SearchAsync("tea", cancellationToken: CancellationToken.None));
    }

    [Fact]
    public async Task AServiceThatCannotBeReachedIsNamed()
    {
        var port = Ports.Free();
        var plugin = new WebSearchPlugin(_http, new WebSearchOptions
        {
            Provider = "brave", Endpoint = $"http://127.0.0.1:{port}/res/v1/web/search", ApiKey = Key,
        });

        var result = await plugin.SearchAsync("tea", cancellationToken: CancellationToken.None);

        Assert.StartsWith("Error: web search failed: Brave Search could not be reached: ", result, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServiceThatDoesNotAnswerInTimeIsNamed()
    {
        _brave.Script = _ => SearchReply.NoAnswer();
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
        var plugin = new WebSearchPlugin(impatient, new WebSearchOptions
        {
            Provider = "brave", Endpoint = _brave.Endpoint.AbsoluteUri, ApiKey = Key,
        });

        Assert.Equal("Error: web search timed out waiting for Brave Search.", await plugin.SearchAsync("tea", cancellationToken: CancellationToken.None));
    }

    [Fact]
    public void WithoutAnEndpointBravesPublicApiIsAsked()
    {
        var provider = WebSearchPlugin.ProviderFor(new WebSearchOptions { Provider = "Brave", ApiKey = Key })!;

        using var request = provider.CreateRequest("tea & biscuits", 5);

        Assert.Equal("https://api.search.brave.com/res/v1/web/search?q=tea%20%26%20biscuits&count=5", request.RequestUri!.AbsoluteUri);
    }

    private WebSearchPlugin Plugin(string key = Key, int maxResults = 8) => new(_http, new WebSearchOptions
    {
        Provider = WebSearchOptions.Brave, Endpoint = _brave.Endpoint.AbsoluteUri, ApiKey = key, MaxResults = maxResults,
    });
}
