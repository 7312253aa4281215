using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Activity;
using OpenOrchestrator.Silo.Schedules;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Bots;

/// <summary>
/// The bot's schedule (DESIGN D5): the next slot lives in the bots row; an Orleans reminder in our
/// database wakes the grain every tick, from the first slot on, and the grain decides what is due.
/// A slot starts at most one run: its run carries the cause "schedule:{slot}", unique per bot.
/// </summary>
public sealed partial class BotGrain
{
    public const string ScheduleReminder = "schedule";

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ScheduleReminder)
        {
            return;
        }

        await EndOrphanedRunAsync();
        if (_bot is null || !_bot.Enabled || _bot.NextRunAt is null || !ScheduleCalculator.IsTimed(_bot))
        {
            await SyncReminderAsync(reregister: false);
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var slot = _bot.NextRunAt.Value;
        if (now < slot)
        {
            return;
        }

        var next = ScheduleCalculator.Next(_bot, now, slot);
        var late = now - slot;
        if (late > scheduleOptions.Value.MissedAfter)
        {
            await HandleMissedAsync(slot, now, next);
        }
        else if (_bot.ActiveRunId is { } running)
        {
            await SkipAsync(slot, next, running);
        }
        else
        {
            if (await StartAsync(RunTriggers.Schedule, null, SlotCause(slot), bot => bot.NextRunAt = next) is not null)
            {
                metrics.ScheduleLateness(late);
            }
        }
    }

    /// <summary>Slots that passed while the service was down: the bot's policy says run once now, or skip them.</summary>
    private async Task HandleMissedAsync(DateTime firstMissed, DateTime now, DateTime? next)
    {
        var count = ScheduleCalculator.SlotsBetween(_bot!, firstMissed, now);
        var runOnce = _bot!.MissedRuns == MissedRunPolicies.RunOnce && _bot.ActiveRunId is null;
        var activity = Activity(ActivityKinds.Missed, runOnce
            ? $"Missed {Slots(count)} since {firstMissed:yyyy-MM-dd HH:mm} UTC while the service was down; running once now."
            : $"Missed {Slots(count)} since {firstMissed:yyyy-MM-dd HH:mm} UTC while the service was down; skipped them (policy: {_bot.MissedRuns}).");
        if (runOnce)
        {
            if (await StartAsync(RunTriggers.Schedule, null, SlotCause(firstMissed), bot => bot.NextRunAt = next, activity) is not null)
            {
                metrics.ScheduleLateness(now - firstMissed);
            }

            return;
        }

        await SaveScheduleAsync(next, activity);
    }

    private static string Slots(int count) => count == 1 ? "1 slot" : $"{count} slots";

    private async Task SkipAsync(DateTime slot, DateTime? next, string running)
    {
        LogSlotSkipped(BotId, slot, running);
        executor.Note(running, $"Schedule slot {slot:HH:mm} UTC skipped: this run is still going.");
        await SaveScheduleAsync(next, Activity(ActivityKinds.Skipped, $"Slot {slot:yyyy-MM-dd HH:mm} UTC skipped: the previous run was still going."));
    }

    private async Task SaveScheduleAsync(DateTime? next, ActivityRecord activity)
    {
        var bot = Copy(_bot!);
        bot.NextRunAt = next;
        await commits.SaveAsync(rows => Write(rows, bot).InsertNumbered(activity));

        _bot = bot;
        AnnounceChanged();
        Announce(activity);
    }

    /// <summary>A changed schedule, or a paused or resumed bot, starts from the next slot after now.</summary>
    private void Reschedule(BotRecord? before, BotRecord after, DateTime now)
    {
        if (before is not null && ScheduleKey(before) == ScheduleKey(after))
        {
            after.NextRunAt = before.NextRunAt;
            return;
        }

        after.NextRunAt = after.Enabled && ScheduleCalculator.IsTimed(after) ? ScheduleCalculator.Next(after, now) : null;
    }

    /// <summary>
    /// Removes the reminder when there is no next slot; otherwise, when the slot moved, registers it
    /// again to tick from the new slot on.
    /// </summary>
    private async Task SyncReminderAsync(bool reregister)
    {
        if (_bot?.NextRunAt is { } next && _bot.Enabled)
        {
            if (reregister)
            {
                var due = next - time.GetUtcNow().UtcDateTime;
                await this.RegisterOrUpdateReminder(ScheduleReminder, due < TimeSpan.Zero ? TimeSpan.Zero : due, scheduleOptions.Value.Tick);
            }

            return;
        }

        if (await this.GetReminder(ScheduleReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private ActivityRecord Activity(string kind, string message) => new()
    {
        OwnerId = _bot!.OwnerId,
        BotId = BotId,
        Kind = kind,
        Message = message,
        At = time.GetUtcNow().UtcDateTime,
    };

    /// <summary>"schedule:2026-11-24T08:30:00.25Z": the fraction only when the slot has one, as slots on whole seconds always had.</summary>
    private static string SlotCause(DateTime slot) => $"schedule:{slot:yyyy-MM-ddTHH:mm:ss.FFF}Z";

    private static string ScheduleKey(BotRecord bot) =>
        $"{bot.Enabled}|{bot.ScheduleKind}|{bot.ScheduleEveryMinutes}|{bot.Schedule}|{bot.ScheduleTimeZone}";

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot {BotId}: slot {Slot:o} skipped, run {RunId} still going")]
    private partial void LogSlotSkipped(string botId, DateTime slot, string runId);
}
