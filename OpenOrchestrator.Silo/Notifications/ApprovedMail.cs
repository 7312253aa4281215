using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Notifications;

/// <summary>
/// An approved draft on its way to its recipient: the title is the subject, the content the body, as written.
/// A draft answering a mail is a reply in its thread (<see cref="MailReplies"/>).
/// </summary>
public static class ApprovedMail
{
    public static NotificationRecord For(BotRecord bot, ResultRecord draft, string recipient, DateTime now, MailMessageRecord? answering = null)
    {
        var body = string.IsNullOrWhiteSpace(draft.Content) ? draft.Title : draft.Content.Trim();
        var subject = answering is null ? draft.Title : MailReplies.Subject(answering.Subject);
        var notification = new NotificationRecord
        {
            OwnerId = bot.OwnerId,
            BotId = bot.Id,
            RunId = draft.RunId,
            Kind = NotificationKinds.Mail,
            Key = KeyOf(draft.Id),
            Title = subject,
            Text = body,
            Html = Digest.TextPage(subject, body),
            CreatedAt = now,
            InReplyTo = answering is null ? null : $"<{answering.MessageId}>",
            References = answering is null ? null : MailReplies.References(answering),
        };
        notification.Deliveries.Add(NotificationOutbox.NewDelivery(notification, NotifyChannels.Email, recipient));
        return notification;
    }

    /// <summary>How the mails of these approved drafts went, by draft id: the draft shows a failure with its reason.</summary>
    public static async Task<Dictionary<string, DeliveryView>> DeliveriesAsync(
        OrchestratorDbContext db, string ownerId, IReadOnlyCollection<string> draftIds, CancellationToken cancellationToken)
    {
        var keys = draftIds.Select(KeyOf).ToList();
        // A plain join: SQLite has no APPLY for a projection through the navigation.
        var rows = await db.Notifications.AsNoTracking()
            .Where(n => n.OwnerId == ownerId && keys.Contains(n.Key))
            .Join(db.Deliveries.AsNoTracking(), n => n.Id, d => d.NotificationId, (n, d) => new { n.Key, Delivery = d })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Key[Prefix.Length..], r => View(r.Delivery));
    }

    public static DeliveryView View(DeliveryRecord d) => new(d.Channel, d.Recipient, d.Status, d.Attempts, d.LastError, d.SentAt.Utc());

    private const string Prefix = "approved:";

    private static string KeyOf(string draftId) => Prefix + draftId;
}
