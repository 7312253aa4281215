using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace OpenOrchestrator.Frontend.Pages;

/// <summary>The user's MCP servers: add one (the server tries it first), test one (list its tools), remove one.</summary>
public sealed partial class ConnectionsPage
{
    private List<McpServerView>? _servers;
    private readonly Dictionary<string, IReadOnlyList<McpToolView>> _tools = [];
    private readonly Dictionary<string, string> _testErrors = [];
    private readonly HashSet<string> _testing = [];
    private Dictionary<string, string> _errors = new(StringComparer.OrdinalIgnoreCase);
    private string _name = "";
    private string _transport = McpTransports.Http;
    private string _url = "";
    private string _headers = "";
    private string _command = "";
    private string _args = "";
    private string? _loadError;
    private string? _error;
    private bool _saving;

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

    private string? Err(string field) => _errors.GetValueOrDefault(field);

    private static string Target(McpServerView server) =>
        server.Transport == McpTransports.Http ? server.Url ?? "" : string.Join(' ', [server.Command ?? "", .. server.Args]);

    private McpServerSpec Spec() => _transport == McpTransports.Http
        ? new() { Name = _name.Trim(), Transport = _transport, Url = _url.Trim(), Headers = Headers(_headers) }
        : new() { Name = _name.Trim(), Transport = _transport, Command = _command.Trim(), Args = [.. Lines(_args)] };

    private static IEnumerable<string> Lines(string text) => text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>"Name: value" lines; a line without a colon becomes a name the server refuses, so the mistake is shown.</summary>
    private static Dictionary<string, string> Headers(string text) => Lines(text)
        .Select(line => line.Split(':', 2, StringSplitOptions.TrimEntries))
        .GroupBy(parts => parts[0], StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.Last().ElementAtOrDefault(1) ?? "", StringComparer.OrdinalIgnoreCase);

    private async Task AddAsync()
    {
        _errors = new(StringComparer.OrdinalIgnoreCase);
        _error = null;
        _saving = true;
        try
        {
            var server = await Api.CreateMcpServerAsync(Spec());
            _servers!.Add(server);
            _name = _url = _headers = _command = _args = "";
            Snackbar.Add($"{server.Name} added.", Severity.Success);
            await TestAsync(server);
        }
        catch (ApiException e)
        {
            foreach (var (field, messages) in e.Problem.Errors)
            {
                _errors[field] = string.Join(" ", messages);
            }

            _error = e.Problem.Errors.Count == 0 ? e.Problem.Message : null;
        }
        catch (HttpRequestException e)
        {
            _error = e.Message;
        }
        finally
        {
            _saving = false;
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
            Snackbar.Add($"{server.Name} could not be removed: {e.Message}", Severity.Error);
        }
    }
}
