using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>
/// A bot's web hooks: make one (its URL, and signing secret if asked for, shown once to copy), revoke one, and
/// each hook's last calls. Reloaded when one of the bot's runs starts, which a call may have caused.
/// </summary>
public sealed partial class HooksSection : IDisposable
{
    private IReadOnlyList<HookView> _hooks = [];
    private HookCreated? _created;
    private bool _loading = true;
    private bool _creating;
    private bool _saving;
    private bool _requireSignature;
    private string _name = "";
    private string? _error;

    [Inject] private ApiClient Api { get; set; } = default!;
    [Inject] private LiveClient Live { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Parameter, EditorRequired] public string BotId { get; set; } = "";

    protected override async Task OnInitializedAsync()
    {
        Live.RunStarted += OnRunStarted;
        await LoadAsync();
    }

    public void Dispose() => Live.RunStarted -= OnRunStarted;

    private async Task LoadAsync()
    {
        try
        {
            _hooks = await Api.ListHooksAsync(BotId);
            _error = null;
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            _error = L["HooksNotLoaded", e.Message];
        }

        _loading = false;
    }

    private async Task CreateAsync()
    {
        _saving = true;
        try
        {
            _created = await Api.CreateHookAsync(BotId, new HookSpec { Name = string.IsNullOrWhiteSpace(_name) ? null : _name.Trim(), RequireSignature = _requireSignature });
            _creating = false;
            _name = "";
            _requireSignature = false;
            await LoadAsync();
        }
        catch (ApiException e)
        {
            _error = e.Problem.Message;
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

    private async Task RevokeAsync(HookView hook)
    {
        if (await Dialogs.ShowMessageBoxAsync(L["RevokeHook"], L["RevokeHookQuestion", NameOf(hook)], yesText: L["Revoke"], cancelText: L["Cancel"]) != true)
        {
            return;
        }

        try
        {
            await Api.RevokeHookAsync(hook.Id);
            await LoadAsync();
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            _error = e.Message;
        }
    }

    private async Task CopyAsync(string text)
    {
        try
        {
            await JS.InvokeVoidAsync("navigator.clipboard.writeText", text);
            Snackbar.Add(L["Copied"], Severity.Success);
        }
        catch (JSException)
        {
            // A browser that refuses the clipboard (no secure context): the field can still be selected and copied by hand.
            Snackbar.Add(L["CopyByHand"], Severity.Info);
        }
    }

    private string NameOf(HookView hook) => hook.Name ?? L["UnnamedHook", Display.Time(hook.CreatedAt)];

    private void OnRunStarted(RunView run) => _ = InvokeAsync(async () =>
    {
        if (run.BotId == BotId && RunTriggers.IsFromHook(run.Trigger))
        {
            await LoadAsync();
            StateHasChanged();
        }
    });
}
