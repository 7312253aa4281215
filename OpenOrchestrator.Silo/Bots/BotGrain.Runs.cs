using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Runs;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Bots;

public sealed partial class BotGrain
{
    public async Task<StartRunResult> StartRunAsync(string ownerId, string trigger, string? input)
    {
        if (!IsOwnedBy(ownerId))
        {
            return new StartRunResult(StartRunOutcome.NotFound, null);
        }

        if (_bot!.ActiveRunId is { } active)
        {
            return new StartRunResult(StartRunOutcome.AlreadyRunning, active);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var run = new RunRecord
        {
            Id = Ids.New(),
            BotId = BotId,
            OwnerId = ownerId,
            Trigger = trigger,
            Input = input,
            // The executor takes the run in this same turn: there is no queue while the bot is free.
            Status = RunStatuses.Running,
            CreatedAt = now,
            StartedAt = now,
        };
        var bot = Copy(_bot);
        bot.ActiveRunId = run.Id;
        bot.LastRunAt = now;
        bot.Status = StatusOf(bot);

        // The run row and the bot's "running" mark are written together: no run without its gate.
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            db.Runs.Add(run);
            db.Bots.Update(bot);
            await db.SaveChangesAsync();
        }

        _bot = bot;
        executor.Start(new RunTicket(run.Id, ownerId, trigger, input, now, RunBot.From(bot)));
        return new StartRunResult(StartRunOutcome.Started, run.Id, now);
    }

    public async Task<CancelRunResult> CancelRunAsync(string ownerId, string runId)
    {
        if (!IsOwnedBy(ownerId))
        {
            return CancelRunResult.NotFound;
        }

        if (_bot!.ActiveRunId != runId)
        {
            return CancelRunResult.AlreadyFinished;
        }

        if (!executor.Cancel(runId, RunStopReason.Cancelled))
        {
            // Not executing here (the process restarted in between): end it in place.
            var now = time.GetUtcNow().UtcDateTime;
            await RunFinishedAsync(runId, new RunOutcome(RunStatuses.Cancelled, null, "cancelled by the user", now, (long)(now - (_bot.LastRunAt ?? now)).TotalMilliseconds));
        }

        return CancelRunResult.Cancelling;
    }

    public async Task RunFinishedAsync(string runId, RunOutcome outcome)
    {
        if (_bot is null || _bot.ActiveRunId != runId)
        {
            return;
        }

        var bot = Copy(_bot);
        bot.ActiveRunId = null;
        bot.LastRunStatus = outcome.Status;
        bot.Status = StatusOf(bot);
        bot.UpdatedAt = outcome.FinishedAt;

        // The run's outcome and the bot's state change together: one batch, one commit.
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var run = new RunRecord { Id = runId, BotId = BotId, OwnerId = bot.OwnerId, Trigger = "" };
            db.Runs.Attach(run);
            run.Status = outcome.Status;
            run.Output = outcome.Output;
            run.Error = outcome.Error;
            run.FinishedAt = outcome.FinishedAt;
            run.DurationMs = outcome.DurationMs;
            run.PromptTokens = outcome.PromptTokens;
            run.CompletionTokens = outcome.CompletionTokens;
            run.ModelCalls = outcome.ModelCalls;
            run.ToolCalls = outcome.ToolCalls;
            run.NewResults = outcome.NewResults;
            run.SeenResults = outcome.SeenResults;
            foreach (var property in OutcomeColumns)
            {
                db.Entry(run).Property(property).IsModified = true;
            }

            db.Bots.Update(bot);
            await db.SaveChangesAsync();
        }

        _bot = bot;
    }

    /// <summary>The run columns an outcome writes; the rest of the row was written at start.</summary>
    private static readonly string[] OutcomeColumns =
    [
        nameof(RunRecord.Status), nameof(RunRecord.Output), nameof(RunRecord.Error), nameof(RunRecord.FinishedAt),
        nameof(RunRecord.DurationMs), nameof(RunRecord.PromptTokens), nameof(RunRecord.CompletionTokens), nameof(RunRecord.ModelCalls),
        nameof(RunRecord.ToolCalls), nameof(RunRecord.NewResults), nameof(RunRecord.SeenResults),
    ];
}
