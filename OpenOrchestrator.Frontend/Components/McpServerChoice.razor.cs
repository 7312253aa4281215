using Microsoft.AspNetCore.Components;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>
/// One of the user's MCP servers in the bot form: ticked or not, and when ticked all its tools or only some. Its tools
/// are listed from the server when it is ticked (or the form opens with it ticked); a server that cannot list them
/// says why and keeps the tools chosen before.
/// </summary>
public sealed partial class McpServerChoice
{
    private IReadOnlyList<McpToolView>? _tools;
    private bool _narrow;
    private bool _loading;
    private string? _error;

    [Inject] private ApiClient Api { get; set; } = default!;

    [Parameter, EditorRequired] public string Name { get; set; } = "";

    /// <summary>The server, or null when the bot names one the user no longer has.</summary>
    [Parameter] public McpServerView? Server { get; set; }

    /// <summary>The bot's draft, changed in place (like the form's tool and channel sets).</summary>
    [Parameter, EditorRequired] public BotDraft Draft { get; set; } = default!;

    /// <summary>Told after every change, so the form drops the server's earlier messages about it.</summary>
    [Parameter] public EventCallback OnChange { get; set; }

    private bool Chosen => Draft.McpServers.Contains(Name);

    private IReadOnlyList<string> Narrowed => Draft.McpToolsOf(Name);

    /// <summary>The server's tools, and after them those chosen before that it did not list (to be unticked).</summary>
    private IEnumerable<McpToolView> Offered =>
        (_tools ?? []).Concat(Narrowed.Where(name => _tools?.Any(t => t.Name == name) != true).Select(name => new McpToolView(name, null, "")));

    protected override async Task OnInitializedAsync()
    {
        _narrow = Narrowed.Count > 0;
        if (Chosen)
        {
            await LoadAsync();
        }
    }

    private async Task ToggleAsync(bool on)
    {
        if (on) Draft.McpServers.Add(Name);
        else Draft.McpServers.Remove(Name);
        await OnChange.InvokeAsync();
        if (on && _tools is null)
        {
            await LoadAsync();
        }
    }

    private async Task NarrowChangedAsync(bool narrow)
    {
        _narrow = narrow;
        if (!narrow)
        {
            Draft.NarrowMcpTools(Name, []);
        }

        await OnChange.InvokeAsync();
    }

    private async Task ToggleToolAsync(string tool, bool on)
    {
        Draft.NarrowMcpTools(Name, on ? [.. Narrowed, tool] : Narrowed.Where(t => t != tool));
        await OnChange.InvokeAsync();
    }

    private async Task LoadAsync()
    {
        if (Server is null || _loading)
        {
            return;
        }

        _loading = true;
        _error = null;
        try
        {
            _tools = await Api.ListMcpToolsAsync(Server.Id);
        }
        catch (ApiException e)
        {
            _error = e.Problem.Message;
        }
        catch (HttpRequestException)
        {
            _error = ApiClient.Unreachable;
        }
        finally
        {
            _loading = false;
        }
    }
}
