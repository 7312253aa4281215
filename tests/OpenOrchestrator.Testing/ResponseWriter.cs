using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace OpenOrchestrator.Testing;

/// <summary>Writes JSON bodies, server-sent event streams and the bodies of bad answers.</summary>
internal static class ResponseWriter
{
    // What nginx sends when its upstream fails, here with status 200 as a misconfigured proxy or portal gives it.
    private const string ProxyErrorPage =
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    public static async Task StreamAsync(HttpContext context, IEnumerable<ServerSentEvent> events, CancellationToken cancellationToken)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        try
        {
            await context.Response.Body.FlushAsync(cancellationToken);
            foreach (var item in events)
            {
                var frame = item.Name is null ? $"data: {item.Data}\n\n" : $"event: {item.Name}\ndata: {item.Data}\n\n";
                await context.Response.WriteAsync(frame, cancellationToken);
                await context.Response.Body.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away mid-stream; there is no one left to answer.
        }
    }

    public static Task ModelsAsync(HttpContext context, IEnumerable<string> ids) => JsonAsync(context, StatusCodes.Status200OK, new JsonObject
    {
        ["object"] = "list",
        ["data"] = new JsonArray([.. ids.Select(id => (JsonNode)new JsonObject { ["id"] = id, ["object"] = "model", ["created"] = 0, ["owned_by"] = "openorchestrator-testing" })]),
    });

    public static async Task JsonAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    /// <summary>Status 200, a JSON content type and the first half of <paramref name="body"/>: a body cut off on the way.</summary>
    public static async Task HalfJsonAsync(HttpContext context, JsonNode body)
    {
        var json = body.ToJsonString();
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(json[..(json.Length / 2)], context.RequestAborted);
    }

    /// <summary>Status 200, a JSON content type and not one byte of body.</summary>
    public static Task EmptyJsonAsync(HttpContext context)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return Task.CompletedTask;
    }

    public static async Task HtmlPageAsync(HttpContext context)
    {
        context.Response.ContentType = "text/html";
        await context.Response.WriteAsync(ProxyErrorPage, context.RequestAborted);
    }
}
