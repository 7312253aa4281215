using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Notifications.Telegram;

/// <summary>
/// Links Telegram chats to users by the codes they send as <c>/start CODE</c>. One pass reads the
/// bot's pending updates once and links every user of that bot whose code came in, so a pass made
/// for one user never swallows another user's message.
/// </summary>
public sealed partial class TelegramLinks(UserManager<AppUser> users, TelegramBots bots, TimeProvider time, ILogger<TelegramLinks> logger)
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(30);

    public const string Confirmation = "Linked to OpenOrchestrator: you will get your bots' results here.";

    // No 0/O or 1/I/L: the code may be read off one screen and typed on another.
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static string NewCode() => RandomNumberGenerator.GetString(Alphabet, 8);

    /// <summary>Reads the bot's pending updates, links the users whose codes arrived and acknowledges what it read.</summary>
    /// <returns>How many users were linked.</returns>
    public async Task<int> LinkPendingAsync(ITelegramBotClient bot, string token, CancellationToken cancellationToken)
    {
        var updates = await bot.GetUpdates(timeout: 0, allowedUpdates: [UpdateType.Message], cancellationToken: cancellationToken);
        var starts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var message in updates.Select(u => u.Message))
        {
            if (message is { Chat.Type: ChatType.Private, Text: { } text } && StartCommand().Match(text.Trim()) is { Success: true } match)
            {
                starts[match.Groups["code"].Value.ToUpperInvariant()] = message.Chat.Id;
            }
        }

        var linked = 0;
        if (starts.Count > 0)
        {
            var codes = starts.Keys.ToList();
            var now = time.GetUtcNow().UtcDateTime;
            var pending = await users.Users
                .Where(u => u.TelegramLinkCode != null && codes.Contains(u.TelegramLinkCode) && u.TelegramLinkExpiresAt > now)
                .ToListAsync(cancellationToken);
            foreach (var user in pending)
            {
                // A code sent to another bot than the user's own would link a chat that bot cannot write to.
                if (await bots.TokenForAsync(user.Id, cancellationToken) != token)
                {
                    continue;
                }

                var chatId = starts[user.TelegramLinkCode!];
                user.TelegramChatId = chatId.ToString(CultureInfo.InvariantCulture);
                user.TelegramLinkCode = null;
                user.TelegramLinkExpiresAt = null;
                await users.UpdateAsync(user);
                await ConfirmAsync(bot, chatId, cancellationToken);
                linked++;
            }
        }

        if (updates.Length > 0)
        {
            await AcknowledgeAsync(bot, updates.Max(u => u.Id), cancellationToken);
        }

        return linked;
    }

    private async Task ConfirmAsync(ITelegramBotClient bot, long chatId, CancellationToken cancellationToken)
    {
        try
        {
            await bot.SendMessage(chatId, Confirmation, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (TelegramFailures.ToDelivery(e, cancellationToken) is { } failure)
        {
            // The link stands; the message only confirms it.
            logger.LogWarning("Linked Telegram chat {ChatId} but could not confirm it there: {Problem}", chatId, failure.Message);
        }
    }

    private async Task AcknowledgeAsync(ITelegramBotClient bot, int lastRead, CancellationToken cancellationToken)
    {
        try
        {
            // An offset past an update confirms it and every one before it, and no later one.
            await bot.GetUpdates(offset: lastRead + 1, limit: 1, timeout: 0, allowedUpdates: [UpdateType.Message], cancellationToken: cancellationToken);
        }
        catch (Exception e) when (TelegramFailures.ToDelivery(e, cancellationToken) is { } failure)
        {
            // Harmless: the next pass reads the same updates again and the codes it used are gone.
            logger.LogWarning("Could not acknowledge Telegram updates up to {UpdateId}: {Problem}", lastRead, failure.Message);
        }
    }

    [GeneratedRegex(@"^/start(@\w+)?\s+(?<code>[A-Za-z0-9]{4,32})$")]
    private static partial Regex StartCommand();
}
