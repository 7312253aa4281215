using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OpenOrchestrator.Silo.Tests.Tools;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Mcp;

/// <summary>
/// Just enough MCP over streamable HTTP to be initialized. <c>tools/list</c> is answered while <see cref="ListsTools"/>
/// is set; otherwise the request is held open until the client gives up, as a server that hangs after the handshake.
/// </summary>
internal sealed class SilentMcpServer : IAsyncDisposable
{
    private readonly LocalServer _server;

    private SilentMcpServer(LocalServer server) => _server = server;

    private volatile bool _listsTools = true;

    public bool ListsTools
    {
        get => _listsTools;
        set => _listsTools = value;
    }

    public Uri Url => new(_server.BaseUri, "mcp");

    public static async Task<SilentMcpServer> StartAsync()
    {
        SilentMcpServer? silent = null;
        var server = await LocalServer.StartAsync(app =>
        {
            app.MapPost("/mcp", context => silent!.AnswerAsync(context));
            // No stream of server-initiated messages, and nothing to end: both are optional in streamable HTTP.
            app.MapGet("/mcp", () => TypedResults.StatusCode(StatusCodes.Status405MethodNotAllowed));
            app.MapDelete("/mcp", () => TypedResults.StatusCode(StatusCodes.Status405MethodNotAllowed));
        });
        silent = new SilentMcpServer(server);
        return silent;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var request = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var root = request.RootElement;
        if (!root.TryGetProperty("id", out var id))
        {
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            return;
        }

        object result;
        switch (root.GetProperty("method").GetString())
        {
            case "initialize":
                result = new
                {
                    protocolVersion = root.GetProperty("params").GetProperty("protocolVersion").GetString(),
                    capabilities = new { tools = new { } },
                    serverInfo = new { name = "silent", version = "1.0" },
                };
                break;
            case "tools/list" when !ListsTools:
                await Held.UntilCancelledAsync(context.RequestAborted);
                return;
            case "tools/list":
                result = new
                {
                    tools = new[] { new { name = "echo", description = "Echoes the message", inputSchema = new { type = "object", properties = new { message = new { type = "string" } } } } },
                };
                break;
            default:
                await context.Response.WriteAsJsonAsync(new { jsonrpc = "2.0", id, error = new { code = -32601, message = "Method not found" } });
                return;
        }

        await context.Response.WriteAsJsonAsync(new { jsonrpc = "2.0", id, result });
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
