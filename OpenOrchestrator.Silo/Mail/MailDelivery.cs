using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Runs;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Mail;

/// <summary>
/// Hands a new message to the owner's bots scheduled <c>mail</c>: each enabled one gets one run per message.
/// The message's row (what a reply needs) is stored first, then each bot's grain starts or queues the run under
/// the cause <c>mail:{key}</c>, unique per bot: a message offered twice (two silos, a restart before it was
/// marked seen) starts nothing the second time.
/// </summary>
public sealed partial class MailDelivery(IDbContextFactory<OrchestratorDbContext> dbFactory, IGrainFactory grains, TimeProvider time, ILogger<MailDelivery> logger)
{
    /// <summary>True when every bot has the message's run (so it may be marked seen); false when one should be offered it again.</summary>
    public async Task<bool> DeliverAsync(string ownerId, IncomingMail mail, CancellationToken cancellationToken)
    {
        List<string> bots;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await ClaimAsync(db, ownerId, mail, cancellationToken);
            bots = await db.Bots.AsNoTracking()
                .Where(b => b.OwnerId == ownerId && b.ScheduleKind == ScheduleKinds.Mail && b.Enabled)
                .OrderBy(b => b.Id).Select(b => b.Id).ToListAsync(cancellationToken);
        }

        var start = new MailStart(ownerId, mail.Key, mail.Subject, mail.Input);
        var outcomes = new List<MailStartOutcome>();
        foreach (var bot in bots)
        {
            outcomes.Add(await grains.GetGrain<IBotGrain>(bot).StartMailAsync(start));
        }

        LogDelivered(logger, mail.Key, bots.Count);
        return outcomes.Contains(MailStartOutcome.Handled) && !outcomes.Contains(MailStartOutcome.Later);
    }

    private async Task ClaimAsync(OrchestratorDbContext db, string ownerId, IncomingMail mail, CancellationToken cancellationToken)
    {
        if (await db.MailMessages.AnyAsync(m => m.OwnerId == ownerId && m.Key == mail.Key, cancellationToken))
        {
            return;
        }

        db.MailMessages.Add(new MailMessageRecord
        {
            OwnerId = ownerId,
            Key = mail.Key,
            MessageId = Bounded(mail.MessageId, 1000)!,
            ReplyTo = mail.ReplyTo is { Length: <= 320 } replyTo ? replyTo : null,
            Subject = Bounded(mail.Subject, 1000)!,
            References = mail.References,
            ReceivedAt = time.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another silo stored it first: the same message, the same row.
            db.ChangeTracker.Clear();
        }
    }

    private static string? Bounded(string? value, int max) => value is null || value.Length <= max ? value : value[..max];

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {Key} handed to {Bots} bots")]
    private static partial void LogDelivered(ILogger logger, string key, int bots);
}
