using System.Globalization;
using OpenOrchestrator.Contracts;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace OpenOrchestrator.Silo.Notifications.Telegram;

/// <summary>Sends a notification's plain text to the owner's chat through the owner's bot (or the server's).</summary>
public sealed class TelegramChannel(TelegramBots bots, ILogger<TelegramChannel> logger) : INotificationChannel
{
    public string Name => NotifyChannels.Telegram;

    public async Task<string?> UnavailableForAsync(string ownerId, CancellationToken cancellationToken) =>
        await bots.TokenForAsync(ownerId, cancellationToken) is null
            ? "Telegram is not set up on this server (Telegram__BotToken); you can add a bot token of your own in Settings."
            : null;

    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var chat = ChatOf(message.Recipient);
        var token = await bots.TokenForAsync(message.OwnerId, cancellationToken)
            ?? throw new DeliveryException(TelegramBots.NoTokenMessage, permanent: true);
        var bot = bots.Create(token);
        var text = TelegramText.Fit(string.IsNullOrWhiteSpace(message.Text) ? message.Subject : message.Text);
        try
        {
            // No parse mode: the text goes as it is, so nothing in it needs escaping.
            var sent = await bot.SendMessage(chat, text, linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true }, cancellationToken: cancellationToken);
            logger.LogDebug("Delivered {MessageId} to Telegram chat {ChatId} as message {TelegramMessageId}", message.MessageId, message.Recipient, sent.MessageId);
        }
        catch (Exception e) when (TelegramFailures.ToDelivery(e, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    private static ChatId ChatOf(string recipient) => recipient.Trim() switch
    {
        { Length: 0 } => throw new DeliveryException("No Telegram chat id: set one in Settings or link Telegram there.", permanent: true),
        var id when long.TryParse(id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => new ChatId(number),
        ['@', .. var name] when name.Length >= 4 => new ChatId("@" + name),
        var other => throw new DeliveryException($"Not a Telegram chat id: {other}", permanent: true),
    };
}
