using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Results;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Notifications;

/// <summary>An approved draft on its way to its recipient: the title is the subject, the content the body, as written.</summary>
public static class ApprovedMail
{
    public static NotificationRecord For(BotRecord bot, ResultRecord draft, string recipient, DateTime now)
    {
        var body = string.IsNullOrWhiteSpace(draft.Content) ? draft.Title : draft.Content.Trim();
        var notification = new NotificationRecord
        {
            OwnerId = bot.OwnerId,
            BotId = bot.Id,
            RunId = draft.RunId,
            Kind = NotificationKinds.Mail,
            Key = $"approved:{draft.Id}",
            Title = draft.Title,
            Text = body,
            Html = Digest.TextPage(draft.Title, body),
            CreatedAt = now,
        };
        notification.Deliveries.Add(NotificationOutbox.NewDelivery(notification, NotifyChannels.Email, recipient));
        return notification;
    }
}
