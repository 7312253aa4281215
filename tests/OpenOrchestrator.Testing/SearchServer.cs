using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OpenOrchestrator.Testing;

/// <summary>A SearXNG-style search server: GET /search?q=..&amp;format=json answers with the hits its script returns.</summary>
public sealed class SearchServer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<string> _queries = [];
    private LocalHost _host = null!;

    private SearchServer(Func<string, IReadOnlyList<SearchHit>> script) => Script = script;

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseUrl => _host.Root;

    /// <summary>Maps a query to its hits; may be replaced between tests.</summary>
    public Func<string, IReadOnlyList<SearchHit>> Script { get; set; }

    /// <summary>The queries answered so far, in order.</summary>
    public IReadOnlyList<string> Queries
    {
        get
        {
            lock (_gate)
            {
                return [.. _queries];
            }
        }
    }

    public static async Task<SearchServer> StartAsync(Func<string, IReadOnlyList<SearchHit>> script)
    {
        var server = new SearchServer(script);
        server._host = await LocalHost.StartAsync(app => app.MapGet("/search", server.SearchAsync));
        return server;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task SearchAsync(HttpContext context)
    {
        var query = context.Request.Query["q"].ToString();
        var format = context.Request.Query["format"].ToString();
        if (format != "json" || query.Length == 0)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("Expected q and format=json.", context.RequestAborted);
            return;
        }

        lock (_gate)
        {
            _queries.Add(query);
        }

        var hits = Script(query);
        var body = new JsonObject
        {
            ["query"] = query,
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
        await ResponseWriter.JsonAsync(context, StatusCodes.Status200OK, body);
    }
}
