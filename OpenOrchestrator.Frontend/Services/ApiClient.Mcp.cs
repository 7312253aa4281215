namespace OpenOrchestrator.Frontend.Services;

/// <summary>The user's MCP servers: the tools and connections bots may use.</summary>
public partial class ApiClient
{
    public Task<IReadOnlyList<McpServerView>> ListMcpServersAsync(CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<McpServerView>>("api/mcp-servers", cancellationToken);

    /// <summary>POST /api/mcp-servers: the server tries it first and answers 400 with the reason when it cannot be used, else with its tools.</summary>
    public Task<McpServerView> CreateMcpServerAsync(McpServerSpec spec) => SendAsync<McpServerView>(HttpMethod.Post, "api/mcp-servers", spec);

    /// <summary>PUT /api/mcp-servers/{id}, tried like a new one; <c>Headers</c> null keeps the stored ones.</summary>
    public Task<McpServerView> UpdateMcpServerAsync(string id, McpServerSpec spec) => SendAsync<McpServerView>(HttpMethod.Put, $"api/mcp-servers/{Esc(id)}", spec);

    public Task DeleteMcpServerAsync(string id) => SendAsync(HttpMethod.Delete, $"api/mcp-servers/{Esc(id)}");

    /// <summary>Connects to the server and lists its tools: the "test" of a connection.</summary>
    public Task<IReadOnlyList<McpToolView>> ListMcpToolsAsync(string id, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<McpToolView>>($"api/mcp-servers/{Esc(id)}/tools", cancellationToken);
}
