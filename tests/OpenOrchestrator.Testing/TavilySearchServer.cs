using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;

namespace OpenOrchestrator.Testing;

/// <summary>
/// Tavily's search API: <c>POST /search</c> with <c>Authorization: Bearer {key}</c> and <c>{"query", "max_results"}</c>,
/// answered with <c>results[]</c> of title, url, content and score; errors as <c>{"detail": {"error": …}}</c>.
/// </summary>
public sealed class TavilySearchServer : ScriptedSearchService
{
    private TavilySearchServer(string apiKey, Func<SearchRequest, SearchReply> script)
        : base(apiKey, script)
    {
    }

    private protected override string EndpointPath => "/search";

    public static async Task<TavilySearchServer> StartAsync(string apiKey, Func<SearchRequest, SearchReply> script)
    {
        var server = new TavilySearchServer(apiKey, script);
        await server.ListenAsync((app, answer) => app.MapPost(server.EndpointPath, answer));
        return server;
    }

    private protected override (int Status, JsonObject Body)? Refuse(SearchRequest request)
    {
        if (request.Header("Authorization") != $"Bearer {ApiKey}")
        {
            return (401, Detail("Unauthorized: missing or invalid API key."));
        }

        var body = Body(request);
        var query = body?["query"]?.GetValueKind() == JsonValueKind.String ? body["query"]!.GetValue<string>() : "";
        var count = body?["max_results"] is { } max ? (max.GetValueKind() == JsonValueKind.Number ? max.GetValue<int>() : -1) : 5;
        return query.Length == 0 || count is < 0 or > 20 ? (400, Detail("Invalid request: query is required and max_results must be 0 to 20.")) : null;
    }

    private protected override JsonObject Error(int status) => Detail(status switch
    {
        401 => "Unauthorized: missing or invalid API key.",
        429 => "Your request has been blocked due to excessive requests. Please reduce rate of requests.",
        432 => "This request exceeds your plan's set usage limit. Please upgrade your plan or contact support@tavily.com",
        433 => "This request exceeds the pay-as-you-go limit. You can increase your limit on the Tavily dashboard.",
        _ => "Internal Server Error",
    });

    private protected override JsonObject Answer(SearchRequest request, IReadOnlyList<SearchHit> hits)
    {
        var body = Body(request)!;
        var count = body["max_results"]?.GetValue<int>() ?? 5;
        return new JsonObject
        {
            ["query"] = body["query"]!.GetValue<string>(),
            ["follow_up_questions"] = null,
            ["answer"] = null,
            ["images"] = new JsonArray(),
            ["results"] = new JsonArray([.. hits.Take(count).Select((h, i) => (JsonNode)new JsonObject
            {
                ["title"] = h.Title,
                ["url"] = h.Url,
                ["content"] = h.Content,
                ["score"] = Math.Round(0.9 - (i * 0.05), 2),
                ["raw_content"] = null,
            })]),
            ["response_time"] = 0.42,
            ["request_id"] = Guid.NewGuid().ToString(),
        };
    }

    private static JsonObject? Body(SearchRequest request)
    {
        try
        {
            return JsonNode.Parse(request.Body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonObject Detail(string error) => new() { ["detail"] = new JsonObject { ["error"] = error } };
}
