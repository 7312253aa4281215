using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OpenOrchestrator.Silo.Notifications.Email;

public static class EmailExtensions
{
    /// <summary>The e-mail channel and its <c>Smtp__*</c> settings, checked at start; without <c>Smtp__Host</c> every delivery fails permanently.</summary>
    public static IHostApplicationBuilder AddEmailChannel(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidation>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<INotificationChannel, EmailChannel>();
        return builder;
    }
}
