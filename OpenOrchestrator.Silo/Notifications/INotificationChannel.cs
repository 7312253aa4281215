namespace OpenOrchestrator.Silo.Notifications;

/// <summary>
/// A way out for notifications (Telegram, e-mail). The outbox calls it once per try; a channel
/// throws <see cref="DeliveryException"/> to say whether another try may help.
/// </summary>
public interface INotificationChannel
{
    /// <summary><c>telegram</c> or <c>email</c> (<see cref="Contracts.NotifyChannels"/>).</summary>
    string Name { get; }

    Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken);

    /// <summary>Why nothing can be sent this way for the owner whatever the recipient (the server is not set up for it), or null.</summary>
    Task<string?> UnavailableForAsync(string ownerId, CancellationToken cancellationToken);
}

/// <summary>
/// One message for one recipient (a Telegram chat id, an e-mail address): <see cref="Text"/> is
/// plain text (Telegram, the e-mail's text part), <see cref="Html"/> a whole HTML document (the
/// e-mail's HTML part). <see cref="MessageId"/> is stable across tries of the same delivery.
/// </summary>
public sealed record OutgoingMessage(string OwnerId, string Recipient, string Subject, string Text, string Html, string MessageId)
{
    /// <summary>For a reply: the Message-ID it answers (an e-mail's In-Reply-To).</summary>
    public string? InReplyTo { get; init; }

    /// <summary>For a reply: the thread's Message-IDs, oldest first (an e-mail's References).</summary>
    public string? References { get; init; }
}

/// <summary>A try that failed; <see cref="Permanent"/> when no later try can succeed, <see cref="RetryAfter"/> when the service said when to come back.</summary>
public sealed class DeliveryException(string message, bool permanent = false, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}
