using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Mcp;

/// <summary>Connects to a server once and reads its tool list: the check made at registration and the "test" the UI offers.</summary>
public sealed class McpProbe(McpConnector connector)
{
    public async Task<IReadOnlyList<McpToolView>> ToolsAsync(McpServerRecord server, CancellationToken cancellationToken)
    {
        // A stdio server checked outside any run gets an empty folder of its own.
        var folder = Directory.CreateTempSubdirectory("oo-mcp-");
        try
        {
            await using var client = await connector.ConnectAsync(server, folder.FullName, cancellationToken);
            var tools = await client.ListToolsAsync(cancellationToken: cancellationToken);
            return [.. tools.Select(t => new McpToolView(t.Name, t.Description, $"{server.Name}-{McpToolNames.Function(t.Name)}"))];
        }
        catch (Exception e) when (e is not (McpConnectException or OperationCanceledException))
        {
            throw new McpConnectException($"{server.Name} did not list its tools: {e.Message}", e);
        }
        finally
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // What a server left behind in the temporary folder is the system's to clear.
            }
        }
    }
}
