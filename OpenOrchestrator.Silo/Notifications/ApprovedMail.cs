using System.Net;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Notifications;

/// <summary>An approved draft on its way to its recipient: the title is the subject, the content the body, as written.</summary>
public static class ApprovedMail
{
    public static NotificationRecord For(BotRecord bot, ResultRecord draft, string recipient, DateTime now)
    {
        var body = string.IsNullOrWhiteSpace(draft.Content) ? draft.Title : draft.Content.Trim();
        var paragraphs = body.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(p => $"<p>{WebUtility.HtmlEncode(p.Trim()).Replace("\n", "<br>\n", StringComparison.Ordinal)}</p>");
        var notification = new NotificationRecord
        {
            OwnerId = bot.OwnerId,
            BotId = bot.Id,
            RunId = draft.RunId,
            Kind = NotificationKinds.Mail,
            Key = $"approved:{draft.Id}",
            Title = draft.Title,
            Text = body,
            Html = $"""
                <!DOCTYPE html>
                <html>
                <head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(draft.Title)}</title></head>
                <body style="font-family: -apple-system, 'Segoe UI', Roboto, sans-serif; line-height: 1.5; color: #1f2937;">
                {string.Join("\n", paragraphs)}
                </body>
                </html>
                """,
            CreatedAt = now,
        };
        notification.Deliveries.Add(NotificationOutbox.NewDelivery(notification, NotifyChannels.Email, recipient));
        return notification;
    }
}
