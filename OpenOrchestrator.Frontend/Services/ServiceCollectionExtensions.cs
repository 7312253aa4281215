using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.WebAssembly.Services;

namespace OpenOrchestrator.Frontend.Services;

public static class ServiceCollectionExtensions
{
    /// <summary>The API client over the same origin (the identity cookie travels with every request), the session, the live hub.</summary>
    public static IServiceCollection AddOrchestratorClient(this IServiceCollection services, Uri baseAddress)
    {
        // Singletons (one user per page either way), so Program can start the session check before the app's scope exists.
        services.AddSingleton(_ => new HttpClient { BaseAddress = baseAddress });
        services.AddSingleton<ApiClient>();
        services.AddSingleton<SessionStateProvider>();
        services.AddSingleton<AuthenticationStateProvider>(sp => sp.GetRequiredService<SessionStateProvider>());
        services.AddAuthorizationCore();
        services.AddCascadingAuthenticationState();
        services.AddScoped<LiveClient>();
        services.AddScoped<ActivityFeed>();
        services.AddScoped<NotificationFeed>();
        services.AddScoped<Appearance>();
        services.AddScoped<Language>();
        services.AddSingleton<LazyAssemblyLoader>();
        return services;
    }
}
