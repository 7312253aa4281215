using Orleans;

namespace OpenOrchestrator.Contracts;

/// <summary>One entry of GET /api/activity: a run's end, a skipped or missed slot, a trigger firing.</summary>
[GenerateSerializer, Alias("ActivityView")]
public sealed record ActivityView(long Id, string BotId, string BotName, string BotEmoji, string? RunId, string Kind, string Message, DateTimeOffset At);

/// <summary>A page of activity; pass <see cref="Next"/> as <c>?before=</c> for the older entries.</summary>
public sealed record ActivityPage(IReadOnlyList<ActivityView> Items, long? Next);
