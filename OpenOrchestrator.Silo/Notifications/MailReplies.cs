using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Notifications;

/// <summary>
/// A draft answering a mail goes back in the mail's thread: to its sender (Reply-To first), with
/// <c>Re:</c> before its subject (once), <c>In-Reply-To</c> its Message-ID and <c>References</c> the thread's ids then its own.
/// </summary>
public static class MailReplies
{
    /// <summary>The mail the run of this draft answers, or null when no mail started the run.</summary>
    public static async Task<MailMessageRecord?> AnsweredByAsync(OrchestratorDbContext db, string ownerId, string runId, CancellationToken cancellationToken)
    {
        var cause = await db.Runs.AsNoTracking().Where(r => r.Id == runId && r.OwnerId == ownerId).Select(r => r.Cause).SingleOrDefaultAsync(cancellationToken);
        return MailMessageRecord.KeyOf(cause) is { } key
            ? await db.MailMessages.AsNoTracking().SingleOrDefaultAsync(m => m.OwnerId == ownerId && m.Key == key, cancellationToken)
            : null;
    }

    public static string Subject(string original)
    {
        var subject = original.Trim();
        return subject.StartsWith("re:", StringComparison.OrdinalIgnoreCase) ? subject : $"Re: {subject}";
    }

    /// <summary>The thread's ids in angle brackets, separated by spaces, ending with the answered message's.</summary>
    public static string References(MailMessageRecord original)
    {
        var ids = MimeKit.Utils.MimeUtils.EnumerateReferences(original.References ?? "").ToList();
        ids.Remove(original.MessageId);
        ids.Add(original.MessageId);
        return string.Join(' ', ids.Select(id => $"<{id}>"));
    }
}
