using Microsoft.AspNetCore.Components;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>The bot page's tiles: runs, results, new results, success rate, and what it cost this month.</summary>
public sealed partial class StatTiles
{
    [Parameter, EditorRequired] public BotStats Stats { get; set; } = default!;

    /// <summary>The bot's monthly budget in USD, if it has one.</summary>
    [Parameter] public double? MonthlyBudget { get; set; }

    private string CostLabel => MonthlyBudget is { } budget ? L["CostThisMonthOfBudget", Money.Amount(budget)] : L["CostThisMonth"];

    private string SuccessRate => Stats.SuccessRate is { } rate ? L["Percent", rate * 100] : "—";

}
