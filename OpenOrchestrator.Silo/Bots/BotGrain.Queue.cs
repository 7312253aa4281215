using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Activity;
using OpenOrchestrator.Silo.Storage;


namespace OpenOrchestrator.Silo.Bots;

/// <summary>
/// Triggered runs that arrive while the bot is busy wait as <c>queued</c> runs (durable rows, also
/// across a restart) and start one after another, oldest first, as the bot becomes free. A paused
/// bot's queue is cancelled. Manual runs get 409 and schedule slots are skipped instead: only a
/// trigger carries work (another bot's output) that would be lost by dropping it.
/// </summary>
public sealed partial class BotGrain
{
    /// <summary>More triggered runs than this waiting for one bot: the next one is skipped.</summary>
    public const int MaxQueuedRuns = 20;

    private int _queued;

    private async Task LoadQueueAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        _queued = await db.Runs.CountAsync(r => r.BotId == BotId && r.Status == RunStatuses.Queued, cancellationToken);
    }

    /// <summary>Writes a run that starts when the current one has ended; null when this cause has a run already.</summary>
    private async Task<string?> QueueAsync(string trigger, string? input, string? cause, ActivityRecord activity, int depth)
    {
        var run = NewRun(trigger, input, cause, depth);
        activity.RunId = run.Id;
        var bot = Copy(_bot!);
        CountMade(bot, run);
        try
        {
            await commits.SaveAsync(rows => Write(rows.Insert([run]), bot).InsertNumbered(activity));
        }
        catch (DbUpdateException)
        {
            // The unique bot + cause key: this firing has been queued or started before.
            return null;
        }

        _bot = bot;
        _queued++;
        AnnounceStarted(run);
        Announce(activity);
        return run.Id;
    }

    public async Task StartQueuedAsync()
    {
        if (_bot is null || _bot.ActiveRunId is not null || _queued == 0 || executor.IsStopping)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        if (!_bot.Enabled)
        {
            await CancelQueuedAsync(db);
            return;
        }

        var run = await db.Runs
            .Where(r => r.BotId == BotId && r.Status == RunStatuses.Queued)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .FirstOrDefaultAsync();
        if (run is null)
        {
            _queued = 0;
            return;
        }

        // A budget used up meanwhile stops the run before its first model call.
        var budget = await BudgetAsync();
        var bot = MarkRunning(run);
        await commits.SaveAsync(rows => Write(rows.Update(run, [nameof(RunRecord.Status), nameof(RunRecord.StartedAt)]), bot));

        _bot = bot;
        _queued--;
        HandOver(run, budget.Applies || budget.Refusal is not null);
    }

    /// <summary>Cancels one queued run of this bot; false when it is not queued (any more).</summary>
    private async Task<bool> CancelQueuedAsync(string runId)
    {
        if (_queued == 0)
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var cancelled = await CancelQueuedAsync(db, [runId], "cancelled by the user");
        return cancelled > 0;
    }

    private async Task CancelQueuedAsync(OrchestratorDbContext db)
    {
        var queued = await db.Runs.Where(r => r.BotId == BotId && r.Status == RunStatuses.Queued).Select(r => r.Id).ToListAsync();
        var cancelled = await CancelQueuedAsync(db, queued, "the bot was paused");
        _queued = 0;
        if (cancelled > 0)
        {
            var activity = Activity(ActivityKinds.Skipped, cancelled == 1 ? "1 waiting run cancelled: the bot was paused." : $"{cancelled} waiting runs cancelled: the bot was paused.");
            db.Activity.Add(activity);
            await db.SaveChangesAsync();
            Announce(activity);
        }
    }

    private async Task<int> CancelQueuedAsync(OrchestratorDbContext db, List<string> runIds, string reason)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var cancelled = await db.Runs
            .Where(r => runIds.Contains(r.Id) && r.BotId == BotId && r.Status == RunStatuses.Queued)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RunStatuses.Cancelled)
                .SetProperty(r => r.Error, reason)
                .SetProperty(r => r.FinishedAt, now));
        _queued = Math.Max(0, _queued - cancelled);
        runIds.ForEach(executor.Changed);
        if (cancelled > 0)
        {
            (await RunViewsAsync(db, runIds)).Where(r => r.Status == RunStatuses.Cancelled).ToList().ForEach(AnnounceFinished);
        }

        return cancelled;
    }
}
