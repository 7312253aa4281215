using Telegram.Bot.Exceptions;

namespace OpenOrchestrator.Silo.Notifications.Telegram;

/// <summary>What a failed Bot API call means for the outbox. Messages quote Telegram's reason, never the request (its path holds the token).</summary>
internal static class TelegramFailures
{
    public static DeliveryException? ToDelivery(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        ApiRequestException { ErrorCode: 429 } api => new DeliveryException(
            $"Telegram asked to slow down: {Reason(api)} (429)",
            retryAfter: api.Parameters?.RetryAfter is int seconds ? TimeSpan.FromSeconds(seconds) : null),
        ApiRequestException { ErrorCode: 400 or 401 or 403 or 404 } api => new DeliveryException(
            $"Telegram refused: {Reason(api)} ({api.ErrorCode})", permanent: true),
        ApiRequestException api => new DeliveryException($"Telegram failed: {Reason(api)} ({api.ErrorCode})"),
        RequestException or HttpRequestException => new DeliveryException("Telegram could not be reached.", inner: exception.InnerException ?? exception),
        OperationCanceledException when !cancellationToken.IsCancellationRequested => new DeliveryException("Telegram did not answer in time."),
        _ => null,
    };

    /// <summary>"Bad Request: chat not found" becomes "chat not found"; "Unauthorized" says which token is meant.</summary>
    public static string Reason(ApiRequestException api)
    {
        var description = api.Message;
        var colon = description.IndexOf(": ", StringComparison.Ordinal);
        return api.ErrorCode == 401 ? "the bot token was not accepted"
            : colon >= 0 ? description[(colon + 2)..]
            : description;
    }
}
