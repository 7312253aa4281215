using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Live;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Bots;

/// <summary>What the bot tells its owner's open pages (DESIGN D9), after each change is stored.</summary>
public sealed partial class BotGrain
{
    private void Announce(string kind, string? runId = null) => live.Publish(new LiveEvent(kind, _bot!.OwnerId, BotId, runId));

    private void Announce(ActivityRecord activity) => live.Publish(new LiveEvent(LiveHub.ActivityAdded, activity.OwnerId, BotId, activity.RunId,
        Activity: new ActivityView(activity.Id, BotId, _bot!.Name, _bot.Emoji, activity.RunId, activity.Kind, activity.Message, activity.At.Utc())));
}
