using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Live;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Bots;

/// <summary>What the bot tells its owner's open pages (DESIGN D9), after each change is stored.</summary>
public sealed partial class BotGrain
{
    private void Announce(string kind, string? runId = null) => live.Publish(new LiveEvent(kind, _bot!.OwnerId, BotId, runId));

    /// <summary>A run's end carries the first result it found (<paramref name="found"/>) and how many: the feed shows its title.</summary>
    private void Announce(ActivityRecord activity, FoundResult? found = null, int results = 0) => live.Publish(new LiveEvent(LiveHub.ActivityAdded, activity.OwnerId, BotId, activity.RunId,
        Activity: new ActivityView(activity.Id, BotId, _bot!.Name, _bot.Emoji, activity.RunId, activity.Kind, activity.Message, activity.At.Utc())
        {
            ResultTitle = found?.Title,
            ResultUrl = found?.Url,
            Results = found is null ? 0 : results,
        }));
}
