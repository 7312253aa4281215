using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OpenOrchestrator.Silo.Tools;

/// <summary>
/// Brave's Web Search API: <c>GET {endpoint}?q=…&amp;count=N</c> with the key in <c>X-Subscription-Token</c>;
/// the hits are <c>web.results[]</c>, whose descriptions mark the query's words with <c>&lt;strong&gt;</c>.
/// </summary>
public sealed partial class BraveSearchProvider(Uri endpoint, string apiKey) : IWebSearchProvider
{
    public static readonly Uri DefaultEndpoint = new("https://api.search.brave.com/res/v1/web/search");

    /// <summary>The most results Brave gives for one request.</summary>
    public const int MaxCount = 20;

    public string Name => "Brave Search";

    public HttpRequestMessage CreateRequest(string query, int count)
    {
        var parameters = $"q={Uri.EscapeDataString(query)}&count={Math.Min(count, MaxCount).ToString(CultureInfo.InvariantCulture)}";
        var request = new HttpRequestMessage(HttpMethod.Get, WebUrl.AppendQuery(endpoint, parameters));
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Add("X-Subscription-Token", apiKey);
        return request;
    }

    public IEnumerable<WebSearchHit> ReadHits(JsonElement answer)
    {
        // Brave leaves "web" out when nothing on the web matched.
        if (answer.ValueKind != JsonValueKind.Object || !answer.TryGetProperty("web", out var web))
        {
            if (answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("type", out var type) && type.ValueEquals("search"))
            {
                yield break;
            }

            throw new JsonException("neither a search answer nor web results");
        }

        foreach (var hit in WebSearchHit.ReadResults(web, "description"))
        {
            yield return hit with { Title = PlainText(hit.Title), Snippet = PlainText(hit.Snippet) };
        }
    }

    /// <summary>An invalid key is answered 422 with the code SUBSCRIPTION_TOKEN_INVALID, not 401.</summary>
    public WebSearchRefusal? Classify(HttpStatusCode status, string body) =>
        body.Contains("SUBSCRIPTION_TOKEN_INVALID", StringComparison.Ordinal) ? WebSearchRefusal.KeyRejected : null;

    private static string PlainText(string html) => WebUtility.HtmlDecode(Markup().Replace(html, ""));

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Markup();
}
