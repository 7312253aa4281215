using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;

namespace OpenOrchestrator.Testing;

/// <summary>
/// A SearXNG server's JSON API: <c>GET /search?q=…&amp;format=json</c>, answered with <c>results[]</c> of title, url and
/// content. With a key it stands behind an authenticating proxy that wants <c>Authorization: Bearer {key}</c>.
/// </summary>
public sealed class SearxngSearchServer : ScriptedSearchService
{
    private SearxngSearchServer(string? apiKey, Func<SearchRequest, SearchReply> script)
        : base(apiKey, script)
    {
    }

    private protected override string EndpointPath => "/search";

    public static async Task<SearxngSearchServer> StartAsync(Func<SearchRequest, SearchReply> script, string? apiKey = null)
    {
        var server = new SearxngSearchServer(apiKey, script);
        await server.ListenAsync((app, answer) => app.MapGet(server.EndpointPath, answer));
        return server;
    }

    private protected override (int Status, JsonObject Body)? Refuse(SearchRequest request) =>
        ApiKey is not null && request.Header("Authorization") != $"Bearer {ApiKey}" ? (401, Message("Unauthorized"))
        : request.Parameter("format") != "json" || string.IsNullOrEmpty(request.Parameter("q")) ? (400, Message("Expected q and format=json."))
        : null;

    private protected override JsonObject Error(int status) => Message(status == 429 ? "Too Many Requests" : "Internal Server Error");

    private protected override JsonObject Answer(SearchRequest request, IReadOnlyList<SearchHit> hits) => new()
    {
        ["query"] = request.Parameter("q"),
        ["number_of_results"] = hits.Count,
        ["results"] = new JsonArray([.. hits.Select(h => (JsonNode)new JsonObject
        {
            ["title"] = h.Title,
            ["url"] = h.Url,
            ["content"] = h.Content,
            ["engine"] = "scripted",
        })]),
        ["answers"] = new JsonArray(),
        ["corrections"] = new JsonArray(),
        ["infoboxes"] = new JsonArray(),
        ["suggestions"] = new JsonArray(),
        ["unresponsive_engines"] = new JsonArray(),
    };

    private static JsonObject Message(string text) => new() { ["error"] = text };
}
