using Orleans;

namespace OpenOrchestrator.Contracts;

/// <summary>One entry of GET /api/activity: a run's end, a skipped or missed slot, a trigger firing.</summary>
[GenerateSerializer, Alias("ActivityView")]
public sealed record ActivityView(long Id, string BotId, string BotName, string BotEmoji, string? RunId, string Kind, string Message, DateTimeOffset At)
{
    /// <summary>A run's end that found something: the title of the first result it found, which the feed shows as the founder's mock-up does.</summary>
    [Id(8)] public string? ResultTitle { get; set; }

    /// <summary>That result's link, if it has one.</summary>
    [Id(9)] public string? ResultUrl { get; set; }

    /// <summary>How many results the run found (0 for other entries).</summary>
    [Id(10)] public int Results { get; set; }
}

/// <summary>A page of activity; pass <see cref="Next"/> as <c>?before=</c> for the older entries.</summary>
public sealed record ActivityPage(IReadOnlyList<ActivityView> Items, long? Next);
