using Microsoft.AspNetCore.Components;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>One bot on the dashboard: what it is, what it is doing, Run, Log and (for bots that start by themselves) Auto.</summary>
public sealed partial class BotCard
{
    [Parameter, EditorRequired] public BotView Bot { get; set; } = default!;

    /// <summary>The name of the bot an "after" schedule waits for, if the card should name it.</summary>
    [Parameter] public string? AfterBotName { get; set; }

    [Parameter] public bool Busy { get; set; }

    [Parameter] public EventCallback<BotView> OnRun { get; set; }

    [Parameter] public EventCallback<(BotView Bot, bool Enabled)> OnAutoChanged { get; set; }

    /// <summary>Pausing only matters to a bot that starts by itself (or one already paused).</summary>
    private bool ShowAuto => Bot.Schedule.Kind != ScheduleKinds.Manual || !Bot.Enabled;

    private string LastRun => Bot.LastRunAt is { } at ? $"Last run: {Display.Time(at)}" : "Never run";

    private string Counter => Bot.Stats.Results == 1 ? "1 result" : $"{Bot.Stats.Results} results";
}
