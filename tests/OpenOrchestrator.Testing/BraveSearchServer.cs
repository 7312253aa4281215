using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;

namespace OpenOrchestrator.Testing;

/// <summary>
/// Brave's Web Search API: <c>GET /res/v1/web/search?q=…&amp;count=N</c> with <c>X-Subscription-Token</c>, answered with
/// <c>web.results[]</c> (left out when there are none); a wrong key or a bad parameter gets its 422 <c>ErrorResponse</c>.
/// </summary>
public sealed class BraveSearchServer : ScriptedSearchService
{
    private BraveSearchServer(string apiKey, Func<SearchRequest, SearchReply> script)
        : base(apiKey, script)
    {
    }

    private protected override string EndpointPath => "/res/v1/web/search";

    public static async Task<BraveSearchServer> StartAsync(string apiKey, Func<SearchRequest, SearchReply> script)
    {
        var server = new BraveSearchServer(apiKey, script);
        await server.ListenAsync((app, answer) => app.MapGet(server.EndpointPath, answer));
        return server;
    }

    private protected override (int Status, JsonObject Body)? Refuse(SearchRequest request)
    {
        if (request.Header("X-Subscription-Token") != ApiKey)
        {
            return (422, ErrorResponse(422, "SUBSCRIPTION_TOKEN_INVALID", "The provided subscription token is invalid."));
        }

        var query = request.Parameter("q") ?? "";
        var count = request.Parameter("count") is { } text && int.TryParse(text, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        return query.Length is 0 or > 400 || count is < 1 or > 20 || (count is null && request.Parameter("count") is not null)
            ? (422, ErrorResponse(422, "VALIDATION", "Unable to validate request parameter(s)"))
            : null;
    }

    private protected override JsonObject Error(int status) => status switch
    {
        401 => ErrorResponse(status, "UNAUTHORIZED", "Authentication failed."),
        403 => ErrorResponse(status, "OPTION_NOT_IN_PLAN", "The requested option is not available in the subscribed plan."),
        429 => ErrorResponse(status, "RATE_LIMITED", "Request rate limit exceeded for plan."),
        _ => ErrorResponse(status, "INTERNAL", "Something went wrong."),
    };

    private protected override JsonObject Answer(SearchRequest request, IReadOnlyList<SearchHit> hits)
    {
        var count = int.Parse(request.Parameter("count") ?? "20", CultureInfo.InvariantCulture);
        var answer = new JsonObject
        {
            ["type"] = "search",
            ["query"] = new JsonObject { ["original"] = request.Parameter("q"), ["more_results_available"] = false },
        };
        if (hits.Count > 0)
        {
            answer["web"] = new JsonObject
            {
                ["type"] = "search",
                ["family_friendly"] = true,
                ["results"] = new JsonArray([.. hits.Take(count).Select(h => (JsonNode)new JsonObject
                {
                    ["type"] = "search_result",
                    ["title"] = h.Title,
                    ["url"] = h.Url,
                    ["description"] = h.Content,
                    ["is_source_local"] = false,
                    ["family_friendly"] = true,
                    ["language"] = "en",
                    ["meta_url"] = new JsonObject { ["scheme"] = "https", ["hostname"] = Uri.TryCreate(h.Url, UriKind.Absolute, out var u) ? u.Host : "" },
                })]),
            };
        }

        return answer;
    }

    private static JsonObject ErrorResponse(int status, string code, string detail) => new()
    {
        ["type"] = "ErrorResponse",
        ["error"] = new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["status"] = status, ["code"] = code, ["detail"] = detail, ["meta"] = new JsonObject() },
        ["time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
    };
}
