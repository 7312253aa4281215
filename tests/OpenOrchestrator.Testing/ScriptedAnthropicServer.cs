using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OpenOrchestrator.Testing;

/// <summary>
/// A server on 127.0.0.1 that speaks Anthropic's Messages API (POST /v1/messages, streaming or not, and
/// GET /v1/models), answers with the reply its script returns and records each request as a
/// <see cref="ModelRequest"/>, so the scripts of <see cref="ScriptedModelServer"/> drive it unchanged.
/// </summary>
public sealed class ScriptedAnthropicServer : ScriptedServer
{
    private ScriptedAnthropicServer(Func<ModelRequest, CancellationToken, Task<ModelReply>> script)
        : base(script)
    {
    }

    /// <summary>http://127.0.0.1:PORT/ — the BaseUrl for Anthropic's client, which adds "v1/" itself.</summary>
    public Uri BaseUrl => Root;

    /// <summary>The ids GET /v1/models lists, in order.</summary>
    public IReadOnlyList<string> ModelIds { get; set; } = ["claude-sonnet-4-5", "claude-haiku-4-5"];

    public static Task<ScriptedAnthropicServer> StartAsync(Func<ModelRequest, ModelReply> script) => StartAsync(Async(script));

    public static async Task<ScriptedAnthropicServer> StartAsync(Func<ModelRequest, CancellationToken, Task<ModelReply>> script)
    {
        var server = new ScriptedAnthropicServer(script);
        await server.ListenAsync(app =>
        {
            app.MapPost("/v1/messages", server.AnswerAsync);
            app.MapGet("/v1/models", server.ModelsAsync);
        });
        return server;
    }

    private protected override ModelRequest Parse(JsonElement body, int index, IHeaderDictionary headers) =>
        AnthropicRequestParser.Parse(body, index, headers["x-api-key"].FirstOrDefault() ?? headers.Authorization.FirstOrDefault());

    private protected override JsonObject Error(int status, string message) => AnthropicJson.Error(status, message);

    private protected override JsonObject Body(ModelRequest request, ModelReply reply, int replyNumber) =>
        AnthropicJson.Message($"msg_{replyNumber:D4}", request.ModelOrDefault, reply);

    private protected override IEnumerable<ServerSentEvent> Events(ModelRequest request, ModelReply reply, int replyNumber) =>
        AnthropicEvents.Of($"msg_{replyNumber:D4}", request.ModelOrDefault, reply);

    /// <summary>One page of <see cref="ModelIds"/>: those after after_id, at most limit (default 20) of them.</summary>
    private Task ModelsAsync(HttpContext context)
    {
        var after = context.Request.Query["after_id"].FirstOrDefault();
        var limit = int.TryParse(context.Request.Query["limit"].FirstOrDefault(), out var asked) ? Math.Clamp(asked, 1, 1000) : 20;
        var rest = ModelIds.SkipWhile(id => after is not null && id != after).Skip(after is null ? 0 : 1).ToList();
        var page = rest.Take(limit).ToList();
        return ResponseWriter.JsonAsync(context, StatusCodes.Status200OK, new JsonObject
        {
            ["data"] = new JsonArray([.. page.Select(AnthropicJson.ModelInfo)]),
            ["has_more"] = rest.Count > page.Count,
            ["first_id"] = page.FirstOrDefault(),
            ["last_id"] = page.LastOrDefault(),
        });
    }
}
