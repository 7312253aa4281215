using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Activity;
using OpenOrchestrator.Silo.Runs;
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

        await EndOrphanedRunAsync();
        var source = $"{start.SourceBotName} ({start.Event})";
        var trigger = RunTriggers.FromBot(start.SourceBotId);
        var cause = $"trigger:{start.TriggerKey}:{start.SourceRunId}";
        if (!_bot!.Enabled || _queued >= MaxQueuedRuns)
        {
            await SaveActivityAsync(Activity(ActivityKinds.Skipped, _bot.Enabled
                ? $"Not started by {source}: {_queued} triggered runs are already waiting."
                : $"Not started by {source}: the bot is paused."));
            return null;
        }

        if (_bot.ActiveRunId is not null || _queued > 0)
        {
            if ((await BudgetAsync()).Refusal is { } refusal)
            {
                await SaveActivityAsync(Activity(ActivityKinds.BudgetExceeded, $"Not queued by {source}: {refusal}"));
                return null;
            }

            // Behind the runs already waiting, in order.
            var queued = await QueueAsync(trigger, start.Input, cause, Activity(ActivityKinds.TriggerFired, $"Queued by {source}: starts when the bot is free."), start.Depth);
            await StartQueuedAsync();
            return queued;
        }

        var started = await StartAsync(
            trigger,
            start.Input,
            cause,
            alsoChange: _ => { },
            activity: Activity(ActivityKinds.TriggerFired, $"Started by {source}."),
            depth: start.Depth);
        return started?.RunId;
    }

    private async Task SaveActivityAsync(ActivityRecord activity)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        db.Activity.Add(activity);
        await db.SaveChangesAsync();
        Announce(activity);
    }
}
