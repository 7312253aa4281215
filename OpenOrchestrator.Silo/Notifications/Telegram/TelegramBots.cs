using Microsoft.Extensions.Options;
using OpenOrchestrator.Silo.Accounts;
using Telegram.Bot;

namespace OpenOrchestrator.Silo.Notifications.Telegram;

/// <summary>
/// Telegram.Bot clients for the bot a user would use: their own token from Settings, else the
/// server's. The token travels in the request path (/bot&lt;token&gt;/method), so the HTTP client
/// has no logging handlers (DESIGN D11).
/// </summary>
public sealed class TelegramBots(IHttpClientFactory httpClients, IOptions<TelegramOptions> options, SecretStore secrets)
{
    public const string HttpClientName = "telegram";

    public const string NoTokenMessage = "No Telegram bot token: set Telegram__BotToken or a bot token in Settings.";

    /// <summary>The token of the user's bot, or null when neither the user nor the server has one.</summary>
    public async Task<string?> TokenForAsync(string userId, CancellationToken cancellationToken) =>
        await secrets.GetAsync(userId, SecretNames.TelegramBotToken, cancellationToken) is { Length: > 0 } own ? own
            : options.Value.BotToken is { Length: > 0 } server ? server
            : null;

    /// <exception cref="DeliveryException">The token is not shaped like one (permanent).</exception>
    public ITelegramBotClient Create(string token)
    {
        TelegramBotClientOptions clientOptions;
        try
        {
            // Retries belong to the outbox, which knows the backoff and keeps the count.
            clientOptions = new TelegramBotClientOptions(token, options.Value.ApiBaseUrl) { RetryCount = 0 };
        }
        catch (ArgumentException)
        {
            throw new DeliveryException("The Telegram bot token is malformed: it looks like 123456789:ABC-DEF1234ghIkl.", permanent: true);
        }

        return new TelegramBotClient(clientOptions, httpClients.CreateClient(HttpClientName));
    }
}
