using Microsoft.AspNetCore.Components;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>
/// Adds an MCP server, or changes one in place. The server tries it before saving; its refusals (problem details)
/// are shown at their fields. Header values are never shown: a change that types none keeps the stored ones.
/// </summary>
public sealed partial class McpServerForm
{
    private static readonly string[] Fields = ["name", "transport", "url", "headers", "command", "args"];

    private Dictionary<string, string> _errors = new(StringComparer.OrdinalIgnoreCase);
    private string _name = "";
    private string _transport = McpTransports.Http;
    private string _url = "";
    private string _headers = "";
    private bool _clearHeaders;
    private string _command = "";
    private string _args = "";
    private string? _error;
    private bool _saving;

    [Inject] private ApiClient Api { get; set; } = default!;

    /// <summary>The server to change, or null to add one.</summary>
    [Parameter] public McpServerView? Server { get; set; }

    /// <summary>The saved server, with the tools it listed when it was tried.</summary>
    [Parameter] public EventCallback<McpServerView> OnSaved { get; set; }

    [Parameter] public EventCallback OnCancel { get; set; }

    private string Title => Server is null ? L["AddMcpServer"] : L["EditNamed", Server.Name];

    private IReadOnlyList<string> StoredHeaders => Server is { Transport: McpTransports.Http } ? Server.HeaderNames : [];

    private string HeadersHelp => StoredHeaders.Count > 0
        ? L["StoredHeaders", string.Join(", ", StoredHeaders)]
        : L["HeadersHelp"];


    protected override void OnInitialized()
    {
        if (Server is { } server)
        {
            _name = server.Name;
            _transport = server.Transport;
            _url = server.Url ?? "";
            _command = server.Command ?? "";
            _args = string.Join('\n', server.Args);
        }
    }

    /// <summary>A field's id, unique on a page that shows an edit form beside the add form.</summary>
    private string Id(string field) => Server is null ? $"mcp-{field}" : $"mcp-{Server.Id}-{field}";

    private string? Err(string field) => _errors.GetValueOrDefault(field);

    private McpServerSpec Spec() => _transport == McpTransports.Http
        ? new() { Name = _name.Trim(), Transport = _transport, Url = _url.Trim(), Headers = HeadersToSend() }
        : new() { Name = _name.Trim(), Transport = _transport, Command = _command.Trim(), Args = [.. Lines(_args)] };

    /// <summary>Null keeps what is stored: a change whose field is left empty and not asked to remove them.</summary>
    private Dictionary<string, string>? HeadersToSend() =>
        _clearHeaders ? [] : Lines(_headers).Any() || StoredHeaders.Count == 0 ? Headers(_headers) : null;

    private static IEnumerable<string> Lines(string text) => text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>"Name: value" lines; a line without a colon becomes a name the server refuses, so the mistake is shown.</summary>
    private static Dictionary<string, string> Headers(string text) => Lines(text)
        .Select(line => line.Split(':', 2, StringSplitOptions.TrimEntries))
        .GroupBy(parts => parts[0], StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.Last().ElementAtOrDefault(1) ?? "", StringComparer.OrdinalIgnoreCase);

    private async Task SaveAsync()
    {
        _errors = new(StringComparer.OrdinalIgnoreCase);
        _error = null;
        _saving = true;
        try
        {
            var saved = Server is null ? await Api.CreateMcpServerAsync(Spec()) : await Api.UpdateMcpServerAsync(Server.Id, Spec());
            if (Server is null)
            {
                _name = _url = _headers = _command = _args = "";
            }

            await OnSaved.InvokeAsync(saved);
        }
        catch (ApiException e)
        {
            ShowProblem(e.Problem);
        }
        catch (HttpRequestException)
        {
            _error = ApiClient.Unreachable;
        }
        finally
        {
            _saving = false;
        }
    }

    /// <summary>Messages for the form's fields go beside them; any other, or a problem without fields, above the buttons.</summary>
    private void ShowProblem(Problem problem) => (_errors, _error) = problem.Place(Fields);
}
