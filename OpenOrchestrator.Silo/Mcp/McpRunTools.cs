using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Documents;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Mcp;

/// <summary>What a run's bot chose: server names or ids, and <c>server.tool</c> entries narrowing them.</summary>
public sealed record McpChoice(string OwnerId, string BotId, IReadOnlyList<string> Servers, IReadOnlyList<string> Tools);

/// <summary>
/// Gives a run the tools of its bot's MCP servers: one plugin per server, named after it. A server that cannot be
/// reached is a line in the run's log (and its chosen tools answer with the reason), never a failed start.
/// </summary>
public sealed class McpRunTools(McpServerQueries servers, McpConnector connector, DocumentStore documents, IOptions<McpOptions> options)
{
    /// <summary>Adds the plugins; the returned session closes the clients (and stops stdio servers) when the run ends.</summary>
    public async Task<IAsyncDisposable> AddAsync(Kernel kernel, McpChoice choice, Action<string> logError, CancellationToken cancellationToken)
    {
        var session = new McpSession();
        if (choice.Servers.Count == 0)
        {
            return session;
        }

        var owned = new OwnedMcpServers(await servers.ListAsync(choice.OwnerId, cancellationToken));
        var found = new List<McpServerRecord>();
        foreach (var entry in choice.Servers)
        {
            if (owned.Find(entry) is { } server)
            {
                found.Add(server);
            }
            else
            {
                logError($"MCP server '{entry}' is not among your servers (deleted or renamed?); its tools are left out.");
            }
        }

        KernelPlugin[] plugins;
        try
        {
            plugins = await Task.WhenAll(found.DistinctBy(s => s.Id).Select(server => PluginAsync(server, choice, logError, session, cancellationToken)));
        }
        catch
        {
            // Stopped while connecting: the servers already reached are closed here, as no one else holds them.
            await session.DisposeAsync();
            throw;
        }

        foreach (var plugin in plugins)
        {
            kernel.Plugins.Add(plugin);
        }

        return session;
    }

    private async Task<KernelPlugin> PluginAsync(McpServerRecord server, McpChoice choice, Action<string> logError, McpSession session, CancellationToken cancellationToken)
    {
        var chosen = choice.Tools
            .Select(McpToolEntry.Parse)
            .Where(entry => entry?.Server == server.Name)
            .Select(entry => entry!.Tool)
            .ToHashSet(StringComparer.Ordinal);
        var timeout = TimeSpan.FromSeconds(options.Value.CallTimeoutSeconds);
        try
        {
            var connection = await connector.OpenAsync(server, documents.FolderOf(choice.BotId), cancellationToken);
            session.Add(connection);
            return KernelPluginFactory.CreateFromFunctions(server.Name, connection.Tools
                .Where(tool => chosen.Count == 0 || chosen.Contains(tool.Name))
                .Select(tool => new McpTool(tool, server.Name, timeout).AsKernelFunction()));
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = e is McpConnectException ? e.Message : $"its tools could not be offered: {e.Message}";
            logError($"MCP server '{server.Name}' is unavailable: {reason}");
            return KernelPluginFactory.CreateFromFunctions(server.Name, chosen.Select(tool => Unavailable(server.Name, tool, reason)));
        }
    }

    private static KernelFunction Unavailable(string server, string tool, string reason) => KernelFunctionFactory.CreateFromMethod(
        () => $"Error: the MCP server '{server}' is unavailable: {reason}",
        McpToolNames.Function(tool),
        $"A tool of the MCP server '{server}', which could not be reached when the run started.");

    /// <summary>The run's MCP connections, closed together when it ends.</summary>
    private sealed class McpSession : IAsyncDisposable
    {
        private readonly List<McpConnection> _connections = [];

        public void Add(McpConnection connection)
        {
            lock (_connections)
            {
                _connections.Add(connection);
            }
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var connection in _connections)
            {
                await connection.DisposeAsync();
            }
        }
    }
}
