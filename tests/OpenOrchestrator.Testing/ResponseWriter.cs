using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace OpenOrchestrator.Testing;

/// <summary>Writes JSON bodies, OpenAI-style errors and server-sent event streams.</summary>
internal static class ResponseWriter
{
    public static async Task StreamAsync(HttpContext context, IEnumerable<JsonObject> chunks, CancellationToken cancellationToken)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        try
        {
            foreach (var chunk in chunks)
            {
                await context.Response.WriteAsync($"data: {chunk.ToJsonString()}\n\n", cancellationToken);
                await context.Response.Body.FlushAsync(cancellationToken);
            }

            await context.Response.WriteAsync("data: [DONE]\n\n", cancellationToken);
            await context.Response.Body.FlushAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away mid-stream; there is no one left to answer.
        }
    }

    public static Task ErrorAsync(HttpContext context, int status, string message, string type = "server_error") =>
        JsonAsync(context, status, new JsonObject
        {
            ["error"] = new JsonObject { ["message"] = message, ["type"] = type, ["param"] = null, ["code"] = null },
        });

    public static Task ModelsAsync(HttpContext context) => JsonAsync(context, StatusCodes.Status200OK, new JsonObject
    {
        ["object"] = "list",
        ["data"] = new JsonArray(new JsonObject { ["id"] = "scripted", ["object"] = "model", ["created"] = 0, ["owned_by"] = "openorchestrator-testing" }),
    });

    public static async Task JsonAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
