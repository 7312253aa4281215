using Microsoft.AspNetCore.Components;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>The dashboard's links (GET /api/triggers): source ──event──▶ target bot or notification.</summary>
public sealed partial class LinksSection
{
    [Parameter, EditorRequired] public IReadOnlyList<TriggerView> Triggers { get; set; } = [];

    [Parameter, EditorRequired] public IReadOnlyList<BotView> Bots { get; set; } = [];

    [Parameter] public EventCallback OnNew { get; set; }

    [Parameter] public EventCallback<TriggerView> OnDelete { get; set; }

    private string Describe(TriggerView trigger)
    {
        var target = trigger.TargetBotId is { } id ? Name(id) : Display.ActionLabel(trigger.TargetAction);
        return $"{Name(trigger.SourceBotId)} ──{Display.EventLabel(trigger.Event)}──▶ {target}";
    }

    private string Name(string botId) => Bots.FirstOrDefault(b => b.Id == botId) is { } bot ? $"{bot.Emoji} {bot.Name}" : "(deleted bot)";
}
