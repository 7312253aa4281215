using ModelContextProtocol.Client;

namespace OpenOrchestrator.Silo.Mcp;

/// <summary>A server connected to and the tools it listed; disposing it closes the client, and stops a stdio server.</summary>
public sealed class McpConnection(McpClient client, IList<McpClientTool> tools) : IAsyncDisposable
{
    public IList<McpClientTool> Tools { get; } = tools;

    public ValueTask DisposeAsync() => CloseAsync(client);

    public static async ValueTask CloseAsync(McpClient client)
    {
        try
        {
            await client.DisposeAsync();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
        {
            // A server that already went away has nothing left to close.
        }
    }
}
