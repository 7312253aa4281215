using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Activity;
using OpenOrchestrator.Silo.Costs;
using OpenOrchestrator.Silo.Notifications;
using OpenOrchestrator.Silo.Runs;
using OpenOrchestrator.Silo.Storage;
using OpenOrchestrator.Silo.Triggers;

namespace OpenOrchestrator.Silo.Bots;

public sealed partial class BotGrain
{
    public async Task<StartRunResult> StartRunAsync(string ownerId, string trigger, string? input)
    {
        if (!IsOwnedBy(ownerId))
        {
            return new StartRunResult(StartRunOutcome.NotFound, null);
        }

        await EndOrphanedRunAsync();
        return _bot!.ActiveRunId is { } active
            ? new StartRunResult(StartRunOutcome.AlreadyRunning, active)
            : (await StartAsync(trigger, input, cause: null, _ => { }))!;
    }

    /// <summary>
    /// Writes the run and the bot's new state together, then hands the run to the executor. A
    /// cause is unique per bot: null when this cause already started a run (another slot owner won);
    /// without a cause it always starts.
    /// </summary>
    private async Task<StartRunResult?> StartAsync(
        string trigger, string? input, string? cause, Action<BotRecord> alsoChange, ActivityRecord? activity = null, int depth = 0)
    {
        var budget = await BudgetAsync();
        if (budget.Refusal is { } refusal)
        {
            return await RefuseAsync(trigger, cause, refusal, alsoChange);
        }

        // The executor takes the run in this same turn: there is no queue while the bot is free.
        var run = NewRun(trigger, input, cause, depth);
        var bot = MarkRunning(run);
        CountMade(bot, run);
        alsoChange(bot);
        if (activity is not null)
        {
            activity.RunId = run.Id;
        }

        // The run row and the bot's "running" mark are written together: no run without its gate.
        try
        {
            await commits.SaveAsync(rows =>
            {
                Write(rows.Insert([run]), bot);
                if (activity is not null)
                {
                    rows.InsertNumbered(activity);
                }
            });
        }
        catch (DbUpdateException) when (cause is not null)
        {
            // This cause has started a run already (the unique bot + cause key): take the row as it is now.
            await ReloadAsync();
            return null;
        }

        _bot = bot;
        HandOver(run, budget.Applies);
        if (activity is not null)
        {
            Announce(activity);
        }

        return new StartRunResult(StartRunOutcome.Started, run.Id, run.StartedAt);
    }

    /// <summary>Whether a budget covers this bot's runs and is used up; its owner's grain is asked only when one may.</summary>
    private async Task<BudgetVerdict> BudgetAsync() =>
        await budgets.MayApplyAsync(_bot!.OwnerId, _bot.MonthlyBudget)
            ? await GrainFactory.GetGrain<IBudgetGrain>(_bot.OwnerId).CheckAsync(BotId, _bot.MonthlyBudget)
            : BudgetVerdict.None;

    /// <summary>
    /// A budget is used up: a start someone asked for is answered with the reason (the API's 409); a scheduled or
    /// triggered one leaves an activity entry and no run, and its slot passes.
    /// </summary>
    private async Task<StartRunResult?> RefuseAsync(string trigger, string? cause, string refusal, Action<BotRecord> alsoChange)
    {
        if (cause is null)
        {
            return new StartRunResult(StartRunOutcome.BudgetExceeded, null) { Refusal = refusal };
        }

        var bot = Copy(_bot!);
        alsoChange(bot);
        var activity = Activity(ActivityKinds.BudgetExceeded, $"Not started ({trigger}): {refusal}");
        await commits.SaveAsync(rows => Write(rows, bot).InsertNumbered(activity));
        _bot = bot;
        AnnounceChanged();
        Announce(activity);
        return null;
    }

    /// <summary>A run of this bot, not yet started (written as queued unless started at once).</summary>
    private RunRecord NewRun(string trigger, string? input, string? cause, int depth) => new()
    {
        Id = Ids.New(),
        BotId = BotId,
        OwnerId = _bot!.OwnerId,
        Trigger = trigger,
        Cause = cause,
        Depth = depth,
        Input = input,
        Status = RunStatuses.Queued,
        CreatedAt = time.GetUtcNow().UtcDateTime,
    };

    /// <summary>A run was made (started or queued): the bot counts it, and its month's spending too.</summary>
    private static void CountMade(BotRecord bot, RunRecord run)
    {
        bot.RunCount++;
        BotSpending.Made(bot, run.CreatedAt);
    }

    /// <summary>Starts <paramref name="run"/> now, and returns the bot's new state with it as the active run, both still to be saved.</summary>
    private BotRecord MarkRunning(RunRecord run)
    {
        var now = time.GetUtcNow().UtcDateTime;
        run.Status = RunStatuses.Running;
        run.StartedAt = now;
        var bot = Copy(_bot!);
        bot.ActiveRunId = run.Id;
        bot.LastRunAt = now;
        bot.Status = StatusOf(bot);
        return bot;
    }

    /// <summary>After the start is stored: the executor takes the run, and the owner's pages hear of it.</summary>
    private void HandOver(RunRecord run, bool budgeted)
    {
        // Not collected while the run goes on: a later activation takes an active run for a lost one.
        DelayDeactivation(Timeout.InfiniteTimeSpan);
        executor.Start(new RunTicket(run.Id, run.OwnerId, run.Trigger, run.Input, run.StartedAt!.Value, RunBot.From(_bot!))
        {
            Depth = run.Depth,
            CreatedAt = run.CreatedAt,
            // A run is always traced: one that nothing traced started (a schedule's tick) begins a trace of its own.
            Parent = System.Diagnostics.Activity.Current is { Recorded: true } starter ? starter.Context : default,
            Budgeted = budgeted,
        });
        AnnounceStarted(run);
    }

    public async Task<CancelRunResult> CancelRunAsync(string ownerId, string runId)
    {
        if (!IsOwnedBy(ownerId))
        {
            return CancelRunResult.NotFound;
        }

        if (_bot!.ActiveRunId != runId)
        {
            return await CancelQueuedAsync(runId) ? CancelRunResult.Cancelling : CancelRunResult.AlreadyFinished;
        }

        if (!executor.Cancel(runId, RunStopReason.Cancelled))
        {
            // Not executing here (the process restarted in between): end it in place.
            var now = time.GetUtcNow().UtcDateTime;
            await RunFinishedAsync(runId, new RunOutcome(RunStatuses.Cancelled, null, "cancelled by the user", now, (long)(now - (_bot.LastRunAt ?? now)).TotalMilliseconds));
        }

        return CancelRunResult.Cancelling;
    }

    public async Task<bool> RunFinishedAsync(string runId, RunOutcome outcome)
    {
        if (_bot is null || _bot.ActiveRunId != runId)
        {
            return false;
        }

        var bot = Copy(_bot);
        IReadOnlyList<TriggerFiringRecord> firings;
        NotificationRecord? notification;
        RunView started;
        bot.ActiveRunId = null;
        bot.LastRunStatus = outcome.Status;
        bot.Status = StatusOf(bot);
        bot.UpdatedAt = outcome.FinishedAt;
        bot.CompletedRuns += outcome.Status == RunStatuses.Completed ? 1 : 0;
        bot.UnsuccessfulRuns += outcome.Status is RunStatuses.Failed or RunStatuses.TimedOut ? 1 : 0;

        // What the end leads to is read first: the commit only writes.
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var matching = TriggerFirings.Matching(await LinksAsync(db), bot, outcome);
            firings = await TriggerFirings.ForAsync(db, bot, runId, outcome, matching);
            notification = await RunNotifications.ForAsync(db, bot, runId, outcome, matching);
            started = outcome.Run ?? (await RunViewsAsync(db, [runId])).Single();
            BotSpending.Ended(bot, started.CreatedAt.UtcDateTime, outcome.Cost, time.GetUtcNow().UtcDateTime);
            var (stored, unseen) = await ResultCounts.OfRunAsync(db, runId, outcome, seenWhileRunning: _seenWhileRunning);
            _seenWhileRunning = false;
            bot.ResultCount += stored;
            bot.UnseenResults += unseen;
        }

        // The run's outcome, its last log lines and the bot's state change together, in one commit.
        var ended = Activity(ActivityKinds.ForRun(outcome.Status), Summary(outcome));
        ended.RunId = runId;
        await commits.SaveAsync(rows =>
        {
            var run = new RunRecord
            {
                Id = runId,
                BotId = BotId,
                OwnerId = bot.OwnerId,
                Trigger = "",
                Status = outcome.Status,
                Output = outcome.Output,
                Error = outcome.Error,
                FinishedAt = outcome.FinishedAt,
                DurationMs = outcome.DurationMs,
                PromptTokens = outcome.PromptTokens,
                CompletionTokens = outcome.CompletionTokens,
                ModelCalls = outcome.ModelCalls,
                ToolCalls = outcome.ToolCalls,
                NewResults = outcome.NewResults,
                SeenResults = outcome.SeenResults,
                Cost = outcome.Cost,
                Model = outcome.Model,
            };
            Write(rows.Update(run, OutcomeColumns), bot).InsertNumbered(ended);
            rows.Context.TriggerFirings.AddRange(firings);
            if (notification is { Deliveries.Count: 0 })
            {
                rows.InsertNumbered(notification);
            }
            else if (notification is not null)
            {
                // Its deliveries need its number first: SaveChanges inserts the two in order.
                rows.Context.Notifications.Add(notification);
            }

            rows.Insert([.. outcome.Log.Select(l => l.ToRecord(runId))]);
        });

        _bot = bot;
        DelayDeactivation(TimeSpan.Zero);
        AnnounceFinished(started.Ended(outcome));
        AnnounceChanged();
        Announce(ended, outcome.Found is [var first, ..] ? first : null, outcome.NewResults);
        if (notification is not null)
        {
            outbox.Added(notification);
        }

        dispatcher.Deliver(firings);
        await StartQueuedAsync();
        return true;
    }

    /// <summary>One line for the activity feed: the error, else the output's first line.</summary>
    private static string Summary(RunOutcome outcome)
    {
        var text = outcome.Error ?? outcome.Output?.Split('\n', 2)[0].Trim();
        var found = outcome.NewResults switch { 0 => "no new results", 1 => "1 new result", var count => $"{count} new results" };
        return RunContext.Truncate(string.IsNullOrWhiteSpace(text) ? found : $"{found}: {text}", 300);
    }

    /// <summary>The run columns an outcome writes; the rest of the row was written at start.</summary>
    private static readonly string[] OutcomeColumns =
    [
        nameof(RunRecord.Status), nameof(RunRecord.Output), nameof(RunRecord.Error), nameof(RunRecord.FinishedAt),
        nameof(RunRecord.DurationMs), nameof(RunRecord.PromptTokens), nameof(RunRecord.CompletionTokens), nameof(RunRecord.ModelCalls),
        nameof(RunRecord.ToolCalls), nameof(RunRecord.NewResults), nameof(RunRecord.SeenResults), nameof(RunRecord.Cost), nameof(RunRecord.Model),
    ];
}
