using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Notifications;

/// <summary>
/// Whether each channel can deliver to a user, told before a bot or a link is saved with it: first what the
/// server lacks (the channel's own check), then what the user has not set in Settings (the recipient the
/// outbox reads when it sends).
/// </summary>
public static class ChannelReadiness
{
    public const string NoEmailAddress = "Add your e-mail address in Settings first.";
    public const string NoTelegramChat = "Link your Telegram chat in Settings first.";

    public static async Task<IReadOnlyList<ChannelStatus>> ForAsync(
        string ownerId, IEnumerable<INotificationChannel> channels, OrchestratorDbContext db, CancellationToken cancellationToken)
    {
        var recipients = await db.Users.AsNoTracking().Where(u => u.Id == ownerId)
            .Select(u => new { u.NotifyEmail, u.TelegramChatId }).SingleAsync(cancellationToken);
        var byName = channels.ToDictionary(c => c.Name);
        var statuses = new List<ChannelStatus>();
        foreach (var name in NotifyChannels.All)
        {
            var missing = name == NotifyChannels.Dashboard ? null
                : !byName.TryGetValue(name, out var channel) ? $"This server has no {name} channel."
                : await channel.UnavailableForAsync(ownerId, cancellationToken)
                    ?? (name == NotifyChannels.Email
                        ? string.IsNullOrWhiteSpace(recipients.NotifyEmail) ? NoEmailAddress : null
                        : string.IsNullOrWhiteSpace(recipients.TelegramChatId) ? NoTelegramChat : null);
            statuses.Add(new ChannelStatus(name, missing is null, missing));
        }

        return statuses;
    }
}
