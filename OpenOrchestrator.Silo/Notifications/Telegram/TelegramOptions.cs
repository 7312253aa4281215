using Microsoft.Extensions.Options;

namespace OpenOrchestrator.Silo.Notifications.Telegram;

/// <summary>The server-wide Telegram bot, used by every user who has not set a bot token of their own.</summary>
public sealed class TelegramOptions
{
    public const string SectionName = "Telegram";

    /// <summary>The token BotFather gave (123456:ABC-DEF…); a secret, never logged.</summary>
    public string? BotToken { get; set; }

    /// <summary>A self-hosted Bot API server (http://localhost:8081); Telegram's own when not set.</summary>
    public string? ApiBaseUrl { get; set; }
}

/// <summary>A malformed server URL stops the start with a clear message instead of failing every delivery.</summary>
public sealed class TelegramOptionsValidation : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options) =>
        options.ApiBaseUrl is { Length: > 0 } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            ? ValidateOptionsResult.Fail("Telegram:ApiBaseUrl must be an absolute http(s) URL, such as http://localhost:8081.")
            : ValidateOptionsResult.Success;
}
