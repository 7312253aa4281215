using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Activity;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Bots;

public sealed partial class BotGrain
{
    public async Task<string?> StartTriggeredAsync(TriggeredStart start)
    {
        if (!IsOwnedBy(start.OwnerId))
        {
            return null;
        }

        var source = $"{start.SourceBotName} ({start.Event})";
        if (!_bot!.Enabled || _bot.ActiveRunId is not null)
        {
            await SaveActivityAsync(Activity(ActivityKinds.Skipped, _bot.Enabled
                ? $"Not started by {source}: the previous run was still going."
                : $"Not started by {source}: the bot is paused."));
            return null;
        }

        var started = await StartAsync(
            RunTriggers.FromBot(start.SourceBotId),
            start.Input,
            cause: $"trigger:{start.TriggerKey}:{start.SourceRunId}",
            alsoChange: _ => { },
            activity: Activity(ActivityKinds.TriggerFired, $"Started by {source}."),
            readableSource: start.SourceBotId,
            depth: start.Depth);
        return started?.RunId;
    }

    private async Task SaveActivityAsync(ActivityRecord activity)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        db.Activity.Add(activity);
        await db.SaveChangesAsync();
    }
}
