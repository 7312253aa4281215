using Microsoft.AspNetCore.Components;
using MudBlazor;
using OpenOrchestrator.Frontend.Resources;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>The new/edit bot dialog: <see cref="BotForm"/> in a MudBlazor dialog.</summary>
public sealed partial class BotDialog
{
    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Parameter] public BotView? Bot { get; set; }
    [Parameter] public IReadOnlyList<ModelInfo> Models { get; set; } = [];
    [Parameter] public IReadOnlyList<BotView> Bots { get; set; } = [];
    [Parameter] public IReadOnlyList<McpServerView> McpServers { get; set; } = [];
    [Parameter] public IReadOnlyList<ChannelStatus> Channels { get; set; } = [];

    private string Title => Bot is null ? L["NewBot"] : L["EditNamed", Bot.Name];


    private void Saved(BotView bot) => Dialog.Close(DialogResult.Ok(bot));

    private void Cancel() => Dialog.Cancel();

    /// <summary>Opens the dialog (new bot when <paramref name="bot"/> is null) and returns the saved bot, or null.</summary>
    public static async Task<BotView?> ShowAsync(IDialogService dialogs, ApiClient api, IReadOnlyList<BotView> bots, BotView? bot = null)
    {
        IReadOnlyList<ModelInfo> models;
        try
        {
            models = await api.ListModelsAsync();
        }
        catch (ApiException)
        {
            models = [];
        }

        IReadOnlyList<McpServerView> servers;
        try
        {
            servers = await api.ListMcpServersAsync();
        }
        catch (ApiException)
        {
            servers = [];
        }

        var channels = await api.TryListChannelsAsync();
        var parameters = new DialogParameters<BotDialog>
        {
            { d => d.Bot, bot }, { d => d.Models, models }, { d => d.Bots, bots }, { d => d.McpServers, servers }, { d => d.Channels, channels },
        };
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true, CloseOnEscapeKey = true };
        var reference = await dialogs.ShowAsync<BotDialog>(bot is null ? Strings.Shared["NewBot"] : Strings.Shared["EditNamed", bot.Name], parameters, options);

        var result = await reference.Result;
        return result is { Canceled: false, Data: BotView saved } ? saved : null;
    }
}
