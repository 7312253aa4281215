using Microsoft.AspNetCore.Components;
using MudBlazor;
using OpenOrchestrator.Frontend.Resources;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>Asks for a run's input (what to look at this time); the run itself starts on the page.</summary>
public sealed partial class RunInputDialog
{
    private string? _input;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Parameter] public string BotName { get; set; } = "";

    private void Run() => Dialog.Close(DialogResult.Ok(_input!.Trim()));

    /// <summary>The input the user gave, or null when they cancelled.</summary>
    public static async Task<string?> AskAsync(IDialogService dialogs, string botName)
    {
        var dialog = await dialogs.ShowAsync<RunInputDialog>(Strings.Shared["RunWithInput"], new DialogParameters<RunInputDialog> { { d => d.BotName, botName } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        return result is { Canceled: false, Data: string input } ? input : null;
    }
}
