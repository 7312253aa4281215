namespace OpenOrchestrator.Silo.Mail;

public static class MailExtensions
{
    /// <summary>Mail in: the watcher of users' mailboxes (bots scheduled <c>mail</c>) and the settings' connection test.</summary>
    public static IHostApplicationBuilder AddMailIn(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MailOptions>().BindConfiguration(MailOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ImapConnector>();
        builder.Services.AddSingleton<MailDelivery>();
        builder.Services.AddSingleton<MailboxStatus>();
        builder.Services.AddTransient<MailboxSession>();
        builder.Services.AddHostedService<MailboxWatcher>();
        return builder;
    }
}
