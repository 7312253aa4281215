using OpenOrchestrator.Silo.Tools;

namespace OpenOrchestrator.Silo.Tests.Tools;

public sealed class WebSearchUriTests
{
    [Theory]
    [InlineData("http://s.local", "http://s.local/search?q=a%20b&format=json")]
    [InlineData("http://s.local/searx", "http://s.local/searx/search?q=a%20b&format=json")]
    [InlineData("http://s.local/searx/search", "http://s.local/searx/search?q=a%20b&format=json")]
    [InlineData("http://s.local/?language=en", "http://s.local/search?language=en&q=a%20b&format=json")]
    public void SearchUriKeepsTheEndpointsPrefixAndQuery(string endpoint, string expected) =>
        Assert.Equal(expected, SearxngProvider.SearchUri(new Uri(endpoint), "a b").AbsoluteUri);

    [Fact]
    public void QueriesAreEscaped() =>
        Assert.Equal(
            "http://s.local/search?q=a%26format%3Dxml%23x&format=json",
            SearxngProvider.SearchUri(new Uri("http://s.local"), "a&format=xml#x").AbsoluteUri);
}
