using OpenOrchestrator.Frontend.Resources;

namespace OpenOrchestrator.Frontend.Services;

/// <summary>A bot, or a channel results are sent to; <see cref="BotId"/> is null for a channel.</summary>
public sealed record ChainNode(string Key, string Emoji, string Name, string? BotId);

/// <summary>One arrow: every way one node leads to another, by label ("after · when done"); off when no link of it is on.</summary>
public sealed record ChainEdge(string From, string To, IReadOnlyList<string> Labels, bool Enabled)
{
    public string Label => string.Join(" · ", Labels);
}

/// <summary>
/// Every chain of the user's bots, as the Links section draws and lists it: triggers, bots scheduled
/// "after" another, and the channels each bot sends its results to. Bots in no chain are left out.
/// </summary>
public sealed record ChainGraph(IReadOnlyList<ChainNode> Nodes, IReadOnlyList<ChainEdge> Edges)
{
    public static string After => Strings.Shared["ChainAfter"];

    public static string SendsTo => Strings.Shared["ChainSendsTo"];

    public static ChainGraph Of(IReadOnlyList<BotView> bots, IReadOnlyList<TriggerView> triggers)
    {
        var known = bots.ToDictionary(b => b.Id);
        var links = new List<(string From, string To, string Label, bool Enabled)>();
        foreach (var bot in bots)
        {
            if (bot.Schedule is { Kind: ScheduleKinds.After, AfterBotId: { } source } && known.ContainsKey(source))
            {
                links.Add((BotKey(source), BotKey(bot.Id), After, bot.Enabled));
            }
        }

        foreach (var trigger in triggers.Where(t => known.ContainsKey(t.SourceBotId)))
        {
            var target = trigger.TargetBotId is { } id ? (known.ContainsKey(id) ? BotKey(id) : null) : ChannelOf(trigger.TargetAction);
            if (target is not null)
            {
                links.Add((BotKey(trigger.SourceBotId), target, EventLabel(trigger.Event), trigger.Enabled));
            }
        }

        foreach (var bot in bots)
        {
            links.AddRange(bot.Notify.Where(NotifyChannels.All.Contains).Select(channel => (BotKey(bot.Id), ChannelKey(channel), SendsTo, true)));
        }

        // Two links between the same nodes share one arrow: drawn twice, their labels would cover each other.
        var edges = links
            .GroupBy(l => (l.From, l.To))
            .Select(g => new ChainEdge(g.Key.From, g.Key.To, [.. g.Select(l => l.Label).Distinct()], g.Any(l => l.Enabled)))
            .ToList();
        var used = edges.SelectMany(e => new[] { e.From, e.To }).ToHashSet();
        var nodes = bots.Select(b => new ChainNode(BotKey(b.Id), b.Emoji, b.Name, b.Id))
            .Concat(NotifyChannels.All.Select(c => new ChainNode(ChannelKey(c), ChannelEmoji(c), Display.ChannelLabel(c), null)))
            .Where(n => used.Contains(n.Key))
            .ToList();
        return new ChainGraph(nodes, edges);
    }

    public static string EventLabel(string triggerEvent) => triggerEvent switch
    {
        TriggerEvents.Completed => Strings.Shared["ChainWhenDone"],
        TriggerEvents.Failed => Strings.Shared["ChainWhenFailed"],
        TriggerEvents.Result => Strings.Shared["ChainOnResult"],

        _ => triggerEvent,
    };

    private static string BotKey(string id) => $"bot:{id}";

    private static string ChannelKey(string channel) => $"channel:{channel}";

    private static string? ChannelOf(string action) => action switch
    {
        TargetActions.NotifyTelegram => ChannelKey(NotifyChannels.Telegram),
        TargetActions.NotifyEmail => ChannelKey(NotifyChannels.Email),
        _ => null,
    };

    public static string ChannelEmoji(string channel) => channel switch
    {
        NotifyChannels.Telegram => "📱",
        NotifyChannels.Email => "✉️",
        _ => "🖥️",
    };
}
