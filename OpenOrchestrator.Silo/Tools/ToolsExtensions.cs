using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenOrchestrator.Silo.Documents;
using OpenOrchestrator.Silo.Storage;
using OpenOrchestrator.Silo.Tools.Browser;

namespace OpenOrchestrator.Silo.Tools;

public static class ToolsExtensions
{
    /// <summary>The tools' options and clients; the plugins themselves are added per run by <see cref="ToolPlugins"/>.</summary>
    public static IHostApplicationBuilder AddTools(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<NetworkOptions>()
            .Configure<IConfiguration>((o, configuration) => o.AllowedHosts = NetworkOptions.ReadAllowedHosts(configuration))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<BrowserOptions>().BindConfiguration(BrowserOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<WebSearchOptions>().BindConfiguration(WebSearchOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebSearchOptions>, WebSearchOptionsValidation>());
        builder.Services.AddOptions<CodeOptions>().BindConfiguration(CodeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<CodeOptions>>().Value);
        builder.Services.AddSingleton<CodeRunner>();
        builder.Services.AddOptions<DocumentOptions>().BindConfiguration(DocumentOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        builder.Services.AddSingleton(sp => new NetworkGuard(sp.GetRequiredService<IOptions<NetworkOptions>>().Value));
        builder.Services.AddHttpClient(ToolPlugins.BrowserClient, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<NetworkGuard>().CreateHandler());
        builder.Services.AddHttpClient(ToolPlugins.WebSearchClient);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<BrowserOptions>>().Value);
        // Disposed with the host: the shared Chromium and its proxy, which only it uses, stop when the silo does.
        builder.Services.AddSingleton(sp => new ChromiumHost(
            sp.GetRequiredService<BrowserOptions>(),
            new GuardedProxy(sp.GetRequiredService<NetworkGuard>(), sp.GetRequiredService<ILogger<GuardedProxy>>())));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DomainPace>();
        builder.Services.AddSingleton(sp => new BrowserSessions(
            sp.GetRequiredService<ChromiumHost>(),
            sp.GetRequiredService<BrowserOptions>(),
            Path.Combine(sp.GetRequiredService<DataPaths>().Root, BrowserSessions.ProfilesFolder)));
        builder.Services.AddSingleton(sp => new DocumentStore(
            sp.GetRequiredService<DataPaths>().Bots,
            sp.GetRequiredService<IOptions<DocumentOptions>>().Value));
        builder.Services.AddSingleton<ToolPlugins>();
        return builder;
    }
}
