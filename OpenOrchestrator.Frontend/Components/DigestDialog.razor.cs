using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using OpenOrchestrator.Frontend.Resources;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>A bot's results of a period as the newsletter draft the server renders (GET /api/bots/{id}/digest), to read, open or copy.</summary>
public sealed partial class DigestDialog
{
    private (int Days, string Label)[] Periods => [(1, L["LastDay"]), (7, L["LastDays", 7]), (30, L["LastDays", 30])];

    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;
    private int _days = 7;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Parameter] public BotView Bot { get; set; } = default!;

    private string Url(string format) =>
        $"api/bots/{Uri.EscapeDataString(Bot.Id)}/digest?format={format}&since={Uri.EscapeDataString(_now.AddDays(-_days).ToString("O", CultureInfo.InvariantCulture))}";

    public static Task ShowAsync(IDialogService dialogs, BotView bot) =>
        dialogs.ShowAsync<DigestDialog>(Strings.Shared["Digest"],
 new DialogParameters<DigestDialog> { { d => d.Bot, bot } },
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true });
}
