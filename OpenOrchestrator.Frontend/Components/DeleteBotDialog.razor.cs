using Microsoft.AspNetCore.Components;
using MudBlazor;
using OpenOrchestrator.Frontend.Resources;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>Asks before a bot is deleted, naming every bot and link that depends on it.</summary>
public sealed partial class DeleteBotDialog
{
    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;

    [Parameter, EditorRequired] public BotView Bot { get; set; } = default!;

    /// <summary>One sentence per dependency, from <see cref="BotDependents"/>.</summary>
    [Parameter] public IReadOnlyList<string> Dependents { get; set; } = [];

    private string DependentsHeading => Dependents.Count == 1 ? L["OneDependent"] : L["ManyDependents", Dependents.Count];

    /// <summary>True when the user confirmed.</summary>
    public static async Task<bool> AskAsync(IDialogService dialogs, BotView bot, IReadOnlyList<string> dependents)
    {
        var parameters = new DialogParameters<DeleteBotDialog> { { d => d.Bot, bot }, { d => d.Dependents, dependents } };
        var reference = await dialogs.ShowAsync<DeleteBotDialog>(Strings.Shared["DeleteNamed", bot.Name],
 parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        return await reference.Result is { Canceled: false };
    }
}
