using Microsoft.AspNetCore.Components;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>
/// The dashboard's links: every chain of the user's bots (triggers from GET /api/triggers, "after"
/// schedules, where each bot sends its results) drawn as a graph, and listed below it for keyboards and
/// screen readers, where triggers can be deleted and schedules changed.
/// </summary>
public sealed partial class LinksSection
{
    private ChainGraph _graph = new([], []);

    [Parameter, EditorRequired] public IReadOnlyList<TriggerView> Triggers { get; set; } = [];

    [Parameter, EditorRequired] public IReadOnlyList<BotView> Bots { get; set; } = [];

    [Parameter] public EventCallback OnNew { get; set; }

    [Parameter] public EventCallback<TriggerView> OnDelete { get; set; }

    protected override void OnParametersSet() => _graph = ChainGraph.Of(Bots, Triggers);

    private static string Arrow(string from, string label, string to) => $"{from} ──{label}──▶ {to}";

    private string Describe(TriggerView trigger)
    {
        var target = trigger.TargetBotId is { } id ? Name(id) : Display.ActionLabel(trigger.TargetAction);
        return Arrow(Name(trigger.SourceBotId), ChainGraph.EventLabel(trigger.Event), target);
    }

    private bool Known(string? botId) => Bots.Any(b => b.Id == botId);

    private string Name(string botId) => Bots.FirstOrDefault(b => b.Id == botId) is { } bot ? $"{bot.Emoji} {bot.Name}" : L["DeletedBot"];

    private string NameOnly(string botId) => Bots.FirstOrDefault(b => b.Id == botId)?.Name ?? L["DeletedBot"];


    private static string Channel(string channel) => $"{ChainGraph.ChannelEmoji(channel)} {Display.ChannelLabel(channel)}";
}
