using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Mcp;

/// <summary>Connects to a server once and reads its tool list: the check made when a server is saved and the "test" the UI offers.</summary>
public sealed class McpProbe(McpConnector connector)
{
    public async Task<IReadOnlyList<McpToolView>> ToolsAsync(McpServerRecord server, CancellationToken cancellationToken)
    {
        // A stdio server checked outside any run gets an empty folder of its own.
        var folder = Directory.CreateTempSubdirectory("oo-mcp-");
        try
        {
            await using var connection = await connector.OpenAsync(server, folder.FullName, cancellationToken);
            return [.. connection.Tools.Select(t => new McpToolView(t.Name, t.Description, $"{server.Name}-{McpToolNames.Function(t.Name)}"))];
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
