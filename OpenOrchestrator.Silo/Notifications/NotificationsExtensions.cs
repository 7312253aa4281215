namespace OpenOrchestrator.Silo.Notifications;

public static class NotificationsExtensions
{
    /// <summary>The outbox and the bell's reads; the channels (Telegram, e-mail) register themselves beside it.</summary>
    public static IHostApplicationBuilder AddNotifications(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<NotificationQueries>();
        builder.Services.AddSingleton<NotificationOutbox>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<NotificationOutbox>());
        return builder;
    }
}
