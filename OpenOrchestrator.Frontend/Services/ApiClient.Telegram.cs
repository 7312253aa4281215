namespace OpenOrchestrator.Frontend.Services;

/// <summary>Linking the user's Telegram chat by a code sent to the bot.</summary>
public partial class ApiClient
{
    public Task<TelegramLinkCode> CreateTelegramLinkCodeAsync() =>
        SendAsync<TelegramLinkCode>(HttpMethod.Post, "api/settings/telegram/link", null);

    /// <summary>The settings with the linked chat; an <see cref="ApiException"/> (409) while the bot has not seen the code.</summary>
    public Task<SettingsView> CheckTelegramLinkAsync() =>
        SendAsync<SettingsView>(HttpMethod.Post, "api/settings/telegram/link/check", null);
}
