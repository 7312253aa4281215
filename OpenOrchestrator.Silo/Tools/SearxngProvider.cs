using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace OpenOrchestrator.Silo.Tools;

/// <summary>A SearXNG server's JSON API: <c>GET {endpoint}/search?q=…&amp;format=json</c>, the key (if any) as a bearer token.</summary>
public sealed class SearxngProvider(Uri endpoint, string? apiKey) : IWebSearchProvider
{
    public string Name => "SearXNG";

    public HttpRequestMessage CreateRequest(string query, int count)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, SearchUri(endpoint, query));
        request.Headers.Accept.ParseAdd("application/json");
        if (!string.IsNullOrEmpty(apiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return request;
    }

    public IEnumerable<WebSearchHit> ReadHits(JsonElement answer) => WebSearchHit.ReadResults(answer, "content");

    public WebSearchRefusal? Classify(HttpStatusCode status, string body) => null;

    /// <summary><c>{endpoint}/search?q=...&amp;format=json</c>, keeping the endpoint's path prefix and query.</summary>
    public static Uri SearchUri(Uri endpoint, string query)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var builder = new UriBuilder(endpoint);
        var path = builder.Path.TrimEnd('/');
        builder.Path = path.EndsWith("/search", StringComparison.OrdinalIgnoreCase) ? path : path + "/search";
        return WebUrl.AppendQuery(builder.Uri, $"q={Uri.EscapeDataString(query)}&format=json");
    }
}
