using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Activity;
using OpenOrchestrator.Silo.Runs;

namespace OpenOrchestrator.Silo.Bots;

/// <summary>
/// Runs started by web hooks. Calls of one bot reach its grain one at a time, so repeats of one idempotency key
/// find the first call's run; the unique bot + cause key holds it across restarts and silos.
/// </summary>
public sealed partial class BotGrain
{
    public async Task<HookStartResult> StartHookedAsync(HookStart start)
    {
        if (!IsOwnedBy(start.OwnerId))
        {
            return new HookStartResult(HookStartOutcome.NotFound);
        }

        if (start.Cause is { } key && await RunOfCauseAsync(key) is { } earlier)
        {
            return new HookStartResult(HookStartOutcome.Repeated, earlier);
        }

        await EndOrphanedRunAsync();
        if (!_bot!.Enabled)
        {
            return new HookStartResult(HookStartOutcome.Paused);
        }

        if ((await BudgetAsync()).Refusal is { } refusal)
        {
            await SaveActivityAsync(Activity(ActivityKinds.BudgetExceeded, $"Not started by a web hook: {refusal}"));
            return new HookStartResult(HookStartOutcome.BudgetExceeded, Refusal: refusal);
        }

        var trigger = RunTriggers.FromHook(start.HookId);
        if (_bot.ActiveRunId is not null || _queued > 0)
        {
            if (_queued >= MaxQueuedRuns)
            {
                return new HookStartResult(HookStartOutcome.QueueFull);
            }

            var queued = await QueueAsync(trigger, start.Input, start.Cause, Activity(ActivityKinds.HookCalled, "Queued by a web hook: starts when the bot is free."), depth: 0);
            await StartQueuedAsync();
            return queued is not null ? new HookStartResult(HookStartOutcome.Queued, queued) : await RepeatedAsync(start.Cause);
        }

        var started = await StartAsync(trigger, start.Input, start.Cause, alsoChange: _ => { }, activity: Activity(ActivityKinds.HookCalled, "Started by a web hook."));
        return started switch
        {
            { Outcome: StartRunOutcome.Started } => new HookStartResult(HookStartOutcome.Started, started.RunId),
            { Outcome: StartRunOutcome.BudgetExceeded } => new HookStartResult(HookStartOutcome.BudgetExceeded, Refusal: started.Refusal),
            _ => await RepeatedAsync(start.Cause),
        };
    }

    /// <summary>A start that wrote nothing: another activation stored this cause first (or a budget refused it meanwhile).</summary>
    private async Task<HookStartResult> RepeatedAsync(string? cause) =>
        cause is not null && await RunOfCauseAsync(cause) is { } first
            ? new HookStartResult(HookStartOutcome.Repeated, first)
            : new HookStartResult(HookStartOutcome.BudgetExceeded, Refusal: "A budget is used up.");

    private async Task<string?> RunOfCauseAsync(string cause)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Runs.Where(r => r.BotId == BotId && r.Cause == cause).Select(r => r.Id).FirstOrDefaultAsync();
    }
}
