using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Mail;

/// <summary>How the last look at a mailbox went, in its row, so settings show it whichever silo looked.</summary>
public sealed class MailboxStatus(IDbContextFactory<OrchestratorDbContext> dbFactory, TimeProvider time)
{
    public async Task CheckedAsync(string ownerId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Mailboxes.Where(m => m.OwnerId == ownerId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastCheckedAt, now).SetProperty(m => m.LastError, (string?)null), cancellationToken);
    }

    public async Task FailedAsync(string ownerId, string error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var text = error.Length > 1000 ? error[..1000] : error;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Mailboxes.Where(m => m.OwnerId == ownerId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastError, text).SetProperty(m => m.LastErrorAt, now), cancellationToken);
    }
}
