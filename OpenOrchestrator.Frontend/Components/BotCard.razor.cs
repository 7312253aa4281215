using Microsoft.AspNetCore.Components;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>One bot on the dashboard: what it is, what it is doing, Run, Log and (for bots that start by themselves) Auto.</summary>
public sealed partial class BotCard : IDisposable
{
    // "Next run in 12 min" counts down: the card is drawn again twice a minute, which no event would do.
    private Timer? _clock;

    [Parameter, EditorRequired] public BotView Bot { get; set; } = default!;

    /// <summary>The name of the bot an "after" schedule waits for, if the card should name it.</summary>
    [Parameter] public string? AfterBotName { get; set; }

    [Parameter] public bool Busy { get; set; }

    [Parameter] public EventCallback<BotView> OnRun { get; set; }

    [Parameter] public EventCallback<(BotView Bot, bool Enabled)> OnAutoChanged { get; set; }

    /// <summary>Pausing only matters to a bot that starts by itself (or one already paused).</summary>
    private bool ShowAuto => Bot.Schedule.Kind != ScheduleKinds.Manual || !Bot.Enabled;

    protected override void OnInitialized() =>
        _clock = new Timer(_ => InvokeAsync(StateHasChanged), null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));

    public void Dispose() => _clock?.Dispose();

    private string LastRun => Bot.LastRunAt is { } at ? L["LastRun", Display.Time(at)] : L["NeverRun"];

    /// <summary>"$1.20 of $5 this month": what it spent, of what it may (the estimate follows: where its pace leads).</summary>
    private string Spent => L["ThisMonth", Money.Spent(Bot.Stats.CostThisMonth, Bot.MonthlyBudget)];

    private double? BudgetUsed => Bot.MonthlyBudget is { } budget && budget > 0 ? Bot.Stats.CostThisMonth / budget * 100 : null;

    private string Counter => Bot.Stats.Results == 1 ? L["OneResult"] : L["ManyResults", Bot.Stats.Results];

}
