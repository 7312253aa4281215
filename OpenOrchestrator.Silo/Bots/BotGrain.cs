using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Costs;
using OpenOrchestrator.Silo.Documents;
using OpenOrchestrator.Silo.Hosting;
using OpenOrchestrator.Silo.Live;
using OpenOrchestrator.Silo.Notifications;
using OpenOrchestrator.Silo.Runs;
using OpenOrchestrator.Silo.Schedules;
using OpenOrchestrator.Silo.Storage;
using OpenOrchestrator.Silo.Tools.Browser;
using OpenOrchestrator.Silo.Triggers;

namespace OpenOrchestrator.Silo.Bots;

public sealed partial class BotGrain(
    IDbContextFactory<OrchestratorDbContext> dbFactory,
    GroupCommit commits,
    RunExecutor executor,
    DocumentStore documents,
    BrowserSessions browsers,
    TimeProvider time,
    IOptions<ScheduleOptions> scheduleOptions,
    TriggerDispatcher dispatcher,
    LivePublisher live,
    NotificationOutbox outbox,
    RunMetrics metrics,
    UserBudgets budgets,
    ILogger<BotGrain> logger) : Grain, IBotGrain
{
    private BotRecord? _bot;

    private string BotId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        await CountSpendingAsync(cancellationToken);
        await LoadQueueAsync(cancellationToken);
        await EndOrphanedRunAsync();
    }

    /// <summary>
    /// A run marked active that no executor of this silo holds is lost: it was cut off with the silo
    /// that ran it (the grain stays active while a run goes on, so a new activation means that silo
    /// died), or its end never reached the bot (the executor gave up offering it). It ends as failed
    /// ("interrupted"), never re-run (DESIGN D7), and the bot is free again. Checked on activation
    /// and before every decision that needs to know whether the bot is free.
    /// </summary>
    private async Task EndOrphanedRunAsync()
    {
        if (_bot?.ActiveRunId is not { } runId || executor.Holds(runId))
        {
            return;
        }

        LogOrphanedRun(BotId, runId);
        var now = time.GetUtcNow().UtcDateTime;
        await RunFinishedAsync(runId, new RunOutcome(
            RunStatuses.Failed, null, InterruptedRuns.Reason, now, (long)(now - (_bot.LastRunAt ?? now)).TotalMilliseconds));
    }

    /// <summary>A bot stored before its grain kept its spending counts its runs of this month and the last, once.</summary>
    private async Task CountSpendingAsync(CancellationToken cancellationToken)
    {
        if (_bot is not { SpendingMonth: null })
        {
            return;
        }

        var bot = Copy(_bot);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await BotSpending.CountAsync(db, bot, time.GetUtcNow().UtcDateTime, cancellationToken);
        }

        await SaveAsync(bot);
    }

    private async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        _bot = await db.Bots.AsNoTracking().SingleOrDefaultAsync(b => b.Id == BotId, cancellationToken);
    }

    public async Task<bool> CreateAsync(string ownerId, BotSpec spec)
    {
        if (_bot is not null)
        {
            return false;
        }

        BotSpecValidator.ThrowIfInvalid(spec);
        var now = time.GetUtcNow().UtcDateTime;
        var bot = new BotRecord
        {
            Id = BotId,
            OwnerId = ownerId,
            Name = "",
            Prompt = "",
            Model = "",
            DocsPath = documents.FolderOf(BotId),
            CreatedAt = now,
        };
        Apply(bot, spec, now);
        Reschedule(null, bot, now);
        BotSpending.Roll(bot, now);
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            db.Bots.Add(bot);
            await db.SaveChangesAsync();
        }

        _bot = bot;
        await SyncReminderAsync(reregister: true);
        await TellLinksChangedAsync(AfterSourceOf(bot));
        AnnounceChanged();
        LogCreated(BotId, ownerId);
        return true;
    }

    public async Task<bool> UpdateAsync(string ownerId, BotSpec spec)
    {
        if (!IsOwnedBy(ownerId))
        {
            return false;
        }

        BotSpecValidator.ThrowIfInvalid(spec);
        var now = time.GetUtcNow().UtcDateTime;
        var bot = Copy(_bot!);
        Apply(bot, spec, now);
        Reschedule(_bot, bot, now);
        var rescheduled = bot.NextRunAt != _bot!.NextRunAt;
        var waitedFor = AfterSourceOf(_bot);
        await SaveAsync(bot);
        await SyncReminderAsync(reregister: rescheduled);
        if (waitedFor != AfterSourceOf(bot))
        {
            await TellLinksChangedAsync(waitedFor, AfterSourceOf(bot));
        }

        AnnounceChanged();
        await StartQueuedAsync();
        return true;
    }

    public async Task<bool> DeleteAsync(string ownerId)
    {
        if (!IsOwnedBy(ownerId))
        {
            return false;
        }

        if (_bot!.ActiveRunId is { } activeRun)
        {
            executor.Cancel(activeRun, RunStopReason.Cancelled);
        }

        List<string> linkedHere;
        List<string> waitingHere;
        await using (var db = await dbFactory.CreateDbContextAsync())
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            linkedHere = await db.Triggers.Where(t => t.TargetBot == BotId).Select(t => t.SourceBot).ToListAsync();
            waitingHere = await DependentsAsync(db);
            var runIds = db.Runs.Where(r => r.BotId == BotId).Select(r => r.Id);
            await db.RunLog.Where(l => runIds.Contains(l.RunId)).ExecuteDeleteAsync();
            await db.Results.Where(r => r.BotId == BotId).ExecuteDeleteAsync();
            await db.Deliveries.Where(d => db.Notifications.Any(n => n.Id == d.NotificationId && n.BotId == BotId)).ExecuteDeleteAsync();
            await db.Notifications.Where(n => n.BotId == BotId).ExecuteDeleteAsync();
            await db.Runs.Where(r => r.BotId == BotId).ExecuteDeleteAsync();
            await db.Triggers.Where(t => t.SourceBot == BotId || t.TargetBot == BotId).ExecuteDeleteAsync();
            await db.HookCalls.Where(c => db.Hooks.Any(h => h.Id == c.HookId && h.BotId == BotId)).ExecuteDeleteAsync();
            await db.Hooks.Where(h => h.BotId == BotId).ExecuteDeleteAsync();
            await db.Bots.Where(b => b.Id == BotId).ExecuteDeleteAsync();
            await tx.CommitAsync();
        }

        documents.DeleteBotFolder(BotId);
        browsers.DeleteProfile(BotId);
        await TellLinksChangedAsync([AfterSourceOf(_bot), .. linkedHere]);
        await TellDependentsAsync(waitingHere);
        live.Publish(LiveEvent.Deleted(_bot.OwnerId, BotId));
        _bot = null;
        await SyncReminderAsync(reregister: false);
        DeactivateOnIdle();
        return true;
    }

    private bool IsOwnedBy(string ownerId) => _bot is not null && _bot.OwnerId == ownerId;

    private async Task SaveAsync(BotRecord bot)
    {
        await commits.SaveAsync(rows => Write(rows, bot));
        _bot = bot;
    }

    /// <summary>
    /// Writes the bot's stored row (<see cref="_bot"/>) becoming <paramref name="bot"/>, in the
    /// commit's transaction: only the columns that differ (a run's start or end changes three or four
    /// of the row's columns, not its prompt, tools or schedule). The grain is the row's only writer.
    /// </summary>
    private Rows Write(Rows rows, BotRecord bot) => rows.Update(bot, _bot!);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot {BotId}: run {RunId} was cut off with the silo that ran it; it ends as interrupted")]
    private partial void LogOrphanedRun(string botId, string runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot {BotId} created by {OwnerId}")]
    private partial void LogCreated(string botId, string ownerId);
}
