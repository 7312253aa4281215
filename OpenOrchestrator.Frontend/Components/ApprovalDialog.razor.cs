using Microsoft.AspNetCore.Components;
using MudBlazor;
using OpenOrchestrator.Frontend.Resources;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>Lets the owner change a draft (subject and text) before approving it.</summary>
public sealed partial class ApprovalDialog
{
    private string? _title;
    private string? _content;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Parameter] public ResultView Result { get; set; } = default!;

    private string? Recipient => Result.Metadata?.GetValueOrDefault("to");

    protected override void OnInitialized() => (_title, _content) = (Result.Title, Result.Content);

    private void Approve() => Dialog.Close(DialogResult.Ok(new ResultApproval(_title!.Trim(), _content)));

    /// <summary>The edited draft, or null when the owner cancelled.</summary>
    public static async Task<ResultApproval?> AskAsync(IDialogService dialogs, ResultView result)
    {
        var dialog = await dialogs.ShowAsync<ApprovalDialog>(Strings.Shared["EditAndApprove"],
 new DialogParameters<ApprovalDialog> { { d => d.Result, result } },
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true });
        var answer = await dialog.Result;
        return answer is { Canceled: false, Data: ResultApproval approval } ? approval : null;
    }
}
