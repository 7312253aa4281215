using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OpenOrchestrator.Testing;

/// <summary>
/// An OpenAI-compatible chat-completions server on 127.0.0.1 that answers every request with the reply its script
/// returns, streaming or not, and records the requests.
/// </summary>
public sealed class ScriptedModelServer : ScriptedServer
{
    private ScriptedModelServer(Func<ModelRequest, CancellationToken, Task<ModelReply>> script)
        : base(script)
    {
    }

    /// <summary>http://127.0.0.1:PORT/v1/ — the Endpoint for the OpenAI client.</summary>
    public Uri BaseUrl => new(Root, "v1/");

    /// <summary>What GET /v1/models lists.</summary>
    public IReadOnlyList<string> ModelIds { get; set; } = ["scripted"];

    public static Task<ScriptedModelServer> StartAsync(Func<ModelRequest, ModelReply> script) => StartAsync(Async(script));

    public static async Task<ScriptedModelServer> StartAsync(Func<ModelRequest, CancellationToken, Task<ModelReply>> script)
    {
        var server = new ScriptedModelServer(script);
        await server.ListenAsync(app =>
        {
            app.MapPost("/v1/chat/completions", server.AnswerAsync);
            app.MapPost("/chat/completions", server.AnswerAsync);
            app.MapGet("/v1/models", context => ResponseWriter.ModelsAsync(context, server.ModelIds));
        });
        return server;
    }

    private protected override ModelRequest Parse(JsonElement body, int index, IHeaderDictionary headers) =>
        ModelRequestParser.Parse(body, index, headers.Authorization.FirstOrDefault());

    private protected override JsonObject Error(int status, string message) => new()
    {
        ["error"] = new JsonObject
        {
            ["message"] = message,
            ["type"] = status == StatusCodes.Status400BadRequest ? "invalid_request_error" : "server_error",
            ["param"] = null,
            ["code"] = null,
        },
    };

    private protected override JsonObject Body(ModelRequest request, ModelReply reply, int replyNumber) =>
        ChatCompletionJson.Completion($"chatcmpl-{replyNumber}", request.ModelOrDefault, reply);

    private protected override IEnumerable<ServerSentEvent> Events(ModelRequest request, ModelReply reply, int replyNumber) =>
        ChatCompletionJson.Events($"chatcmpl-{replyNumber}", request.ModelOrDefault, reply, request.IncludeUsage);
}
