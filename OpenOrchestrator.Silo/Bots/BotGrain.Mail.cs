using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Activity;
using OpenOrchestrator.Silo.Runs;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Bots;

public sealed partial class BotGrain
{
    /// <summary>
    /// A mail carries work like a trigger does: while the bot is busy it waits as a queued run. The cause
    /// <c>mail:{key}</c> is unique per bot, so a message offered again (another silo, after a restart) starts nothing.
    /// </summary>
    public async Task<MailStartOutcome> StartMailAsync(MailStart start)
    {
        if (!IsOwnedBy(start.OwnerId) || _bot!.ScheduleKind != ScheduleKinds.Mail || !_bot.Enabled)
        {
            return MailStartOutcome.NotForThisBot;
        }

        await EndOrphanedRunAsync();
        var cause = MailMessageRecord.CauseOf(start.Key);
        var subject = start.Subject.Length > 80 ? start.Subject[..80] + "…" : start.Subject;
        if (_bot.ActiveRunId is not null || _queued > 0)
        {
            if (_queued >= MaxQueuedRuns)
            {
                return MailStartOutcome.Later;
            }

            if ((await BudgetAsync()).Refusal is { } refusal)
            {
                await SaveActivityAsync(Activity(ActivityKinds.BudgetExceeded, $"Not queued for the mail \"{subject}\": {refusal}"));
                return MailStartOutcome.Handled;
            }

            await QueueAsync(RunTriggers.Mail, start.Input, cause, Activity(ActivityKinds.MailReceived, $"Queued for the mail \"{subject}\": starts when the bot is free."), depth: 0);
            await StartQueuedAsync();
            return MailStartOutcome.Handled;
        }

        await StartAsync(RunTriggers.Mail, start.Input, cause, alsoChange: _ => { }, activity: Activity(ActivityKinds.MailReceived, $"Started by the mail \"{subject}\"."));
        return MailStartOutcome.Handled;
    }
}
