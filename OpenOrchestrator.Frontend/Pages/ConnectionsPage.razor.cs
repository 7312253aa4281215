using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace OpenOrchestrator.Frontend.Pages;

/// <summary>The user's MCP servers: add one or change one (the server tries it first), test one (list its tools), remove one.</summary>
public sealed partial class ConnectionsPage
{
    private List<McpServerView>? _servers;
    private readonly Dictionary<string, IReadOnlyList<McpToolView>> _tools = [];
    private readonly Dictionary<string, string> _testErrors = [];
    private readonly HashSet<string> _testing = [];
    private string? _editing;
    private string? _loadError;

    [Inject] private ApiClient Api { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        try
        {
            _servers = [.. await Api.ListMcpServersAsync()];
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            _loadError = e.Message;
        }
    }

    private static string Target(McpServerView server) =>
        server.Transport == McpTransports.Http ? server.Url ?? "" : string.Join(' ', [server.Command ?? "", .. server.Args]);

    private void Added(McpServerView server)
    {
        _servers!.Add(server);
        ShowTools(server);
        Snackbar.Add(L["ServerAdded", server.Name], Severity.Success);
    }

    private void Saved(McpServerView server)
    {
        var at = _servers!.FindIndex(s => s.Id == server.Id);
        if (at >= 0)
        {
            _servers[at] = server;
        }

        _editing = null;
        ShowTools(server);
        Snackbar.Add(L["ServerSaved", server.Name], Severity.Success);
    }

    /// <summary>The tools the server listed when it was just tried: no second connection to show them.</summary>
    private void ShowTools(McpServerView server)
    {
        _testErrors.Remove(server.Id);
        if (server.Tools is { } tools)
        {
            _tools[server.Id] = tools;
        }
    }

    private async Task TestAsync(McpServerView server)
    {
        _testing.Add(server.Id);
        _testErrors.Remove(server.Id);
        try
        {
            _tools[server.Id] = await Api.ListMcpToolsAsync(server.Id);
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            _tools.Remove(server.Id);
            _testErrors[server.Id] = e.Message;
        }
        finally
        {
            _testing.Remove(server.Id);
        }
    }

    private async Task RemoveAsync(McpServerView server)
    {
        try
        {
            await Api.DeleteMcpServerAsync(server.Id);
            _servers!.Remove(server);
            _tools.Remove(server.Id);
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            Snackbar.Add(L["ServerNotRemoved", server.Name, e.Message], Severity.Error);

        }
    }
}
