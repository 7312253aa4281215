using Orleans;

namespace OpenOrchestrator.Contracts;

/// <summary>
/// One entry of the bell (GET /api/notifications): what a run, an approval or a failed delivery
/// told the user, with where it was also sent (Telegram, e-mail) and how that went.
/// </summary>
[GenerateSerializer, Immutable, Alias("NotificationView")]
public sealed record NotificationView(
    long Id,
    string? BotId,
    string? BotName,
    string? BotEmoji,
    string? RunId,
    string Kind,
    string Title,
    string Text,
    bool Read,
    DateTimeOffset CreatedAt,
    IReadOnlyList<DeliveryView> Deliveries);

/// <summary>A notification's way out through one channel, from the outbox.</summary>
[GenerateSerializer, Immutable, Alias("DeliveryView")]
public sealed record DeliveryView(
    string Channel,
    string? Recipient,
    string Status,
    int Attempts,
    string? Error,
    DateTimeOffset? SentAt);

/// <summary>A page of notifications, newest first; pass <see cref="Next"/> as <c>?before=</c> for older ones.</summary>
public sealed record NotificationsPage(IReadOnlyList<NotificationView> Items, int Unread, long? Next);

/// <summary>POST /api/notifications/read: these ids, or all when <see cref="Ids"/> is null.</summary>
public sealed record NotificationsRead(IReadOnlyList<long>? Ids);

public static class NotificationKinds
{
    /// <summary>A run found new results.</summary>
    public const string Results = "results";

    /// <summary>A run's results wait for the owner's approval.</summary>
    public const string Approval = "approval";

    /// <summary>A run failed or timed out.</summary>
    public const string RunFailed = "run_failed";

    /// <summary>A run ended and a trigger asked to be told (notify:telegram, notify:email).</summary>
    public const string RunEnded = "run_ended";

    /// <summary>An approved draft, mailed to its recipient.</summary>
    public const string Mail = "mail";

    /// <summary>A message could not be delivered after its last try.</summary>
    public const string DeliveryFailed = "delivery_failed";

    /// <summary>A monthly budget reached 80 % or 100 %.</summary>
    public const string Budget = "budget";
}

public static class DeliveryStatuses
{
    public const string Pending = "pending";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Failed = "failed";
}

/// <summary>
/// GET /api/notifications/channels: whether results can go out through a channel (<see cref="NotifyChannels"/>)
/// for the signed-in user, and when not, what is missing in a sentence (the server's setting, or the user's own).
/// </summary>
public sealed record ChannelStatus(string Channel, bool Ready, string? Missing);

/// <summary>POST /api/results/{id}/approve: optionally the edited draft.</summary>
public sealed record ResultApproval(string? Title, string? Content);

/// <summary>POST /api/settings/telegram/link: send <see cref="Code"/> as <c>/start CODE</c> to the bot, or open <see cref="Link"/>.</summary>
public sealed record TelegramLinkCode(string Code, string? BotUsername, string? Link, DateTimeOffset ExpiresAt);
