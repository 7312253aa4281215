using Microsoft.Extensions.Options;

namespace OpenOrchestrator.Silo.Notifications.Telegram;

public static class TelegramExtensions
{
    /// <summary>The Telegram channel for the outbox and the chat linking behind Settings.</summary>
    public static IHostApplicationBuilder AddTelegramChannel(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidation>();

        // The token is part of every request's path: no handler may log the URL.
        builder.Services.AddHttpClient(TelegramBots.HttpClientName).RemoveAllLoggers();
        builder.Services.AddSingleton<TelegramBots>();
        builder.Services.AddSingleton<INotificationChannel, TelegramChannel>();
        builder.Services.AddScoped<TelegramLinks>();
        return builder;
    }
}
