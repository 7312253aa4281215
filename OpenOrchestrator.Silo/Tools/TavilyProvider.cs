using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenOrchestrator.Silo.Tools;

/// <summary>Tavily's search API: <c>POST {endpoint}</c> with <c>{"query", "max_results"}</c> and the key as a bearer token.</summary>
public sealed class TavilyProvider(Uri endpoint, string apiKey) : IWebSearchProvider
{
    public static readonly Uri DefaultEndpoint = new("https://api.tavily.com/search");

    /// <summary>The most results Tavily gives for one request.</summary>
    public const int MaxCount = 20;

    public string Name => "Tavily";

    public HttpRequestMessage CreateRequest(string query, int count)
    {
        var body = new JsonObject { ["query"] = query, ["max_results"] = Math.Min(count, MaxCount) };
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return request;
    }

    public IEnumerable<WebSearchHit> ReadHits(JsonElement answer) => WebSearchHit.ReadResults(answer, "content");

    /// <summary>432 and 433: the plan's or the pay-as-you-go limit is reached.</summary>
    public WebSearchRefusal? Classify(HttpStatusCode status, string body) =>
        (int)status is 432 or 433 ? WebSearchRefusal.QuotaUsed : null;
}
