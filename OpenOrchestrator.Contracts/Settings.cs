namespace OpenOrchestrator.Contracts;

/// <summary>GET /api/settings: secrets are reported only as set or not set.</summary>
public sealed record SettingsView(
    string? TelegramChatId,
    string? Email,
    bool OpenAiApiKeySet,
    bool AnthropicApiKeySet,
    bool TelegramBotTokenSet);

/// <summary>PUT /api/settings: a null field is left as it is; an empty string clears it.</summary>
public sealed record SettingsUpdate(
    string? TelegramChatId,
    string? Email,
    string? OpenAiApiKey,
    string? AnthropicApiKey,
    string? TelegramBotToken);

public sealed record ModelInfo(string Id, string Provider, bool IsDefault);
