namespace OpenOrchestrator.Contracts;

/// <summary>GET /api/settings: secrets are reported only as set or not set.</summary>
public sealed record SettingsView(
    string? TelegramChatId,
    string? Email,
    bool OpenAiApiKeySet,
    bool AnthropicApiKeySet,
    bool TelegramBotTokenSet)
{
    /// <summary>The user's own budget in USD per calendar month (UTC), or null.</summary>
    public double? MonthlyBudget { get; init; }

    /// <summary>The server's cap per user (<c>Budgets__UserMonthly</c>), or null.</summary>
    public double? ServerMonthlyCap { get; init; }

    /// <summary>USD the user's runs cost this month.</summary>
    public double SpentThisMonth { get; init; }

    /// <summary>The mailbox bots scheduled <c>mail</c> read, or null when none is set.</summary>
    public ImapSettingsView? Imap { get; init; }
}

/// <summary>PUT /api/settings: a null field is left as it is; an empty string clears it.</summary>
public sealed record SettingsUpdate(
    string? TelegramChatId,
    string? Email,
    string? OpenAiApiKey,
    string? AnthropicApiKey,
    string? TelegramBotToken)
{
    /// <summary>USD per calendar month; null leaves it, 0 clears it.</summary>
    public double? MonthlyBudget { get; init; }

    /// <summary>The mailbox; null leaves it, an empty host removes it.</summary>
    public ImapSettingsUpdate? Imap { get; init; }
}

/// <summary>
/// A model a bot may use, with its price in USD per million tokens (null when unknown). <see cref="Missing"/>
/// names the setting this user lacks to use it (a provider without a key), else null.
/// </summary>
public sealed record ModelInfo(string Id, string Provider, bool IsDefault, double? InputPrice = null, double? OutputPrice = null)
{
    public string? Missing { get; init; }
}
