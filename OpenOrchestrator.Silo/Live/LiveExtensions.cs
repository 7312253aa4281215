using Microsoft.AspNetCore.SignalR;
using OpenOrchestrator.Contracts;

namespace OpenOrchestrator.Silo.Live;

public static class LiveExtensions
{
    public static IHostApplicationBuilder AddLive(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSignalR(o => o.AddFilter<HubCallLimit>());
        builder.Services.AddSingleton<LivePublisher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LivePublisher>());
        builder.Services.AddSingleton<LiveBroadcaster>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveBroadcaster>());
        return builder;
    }

    public static IEndpointRouteBuilder MapLiveHub(this IEndpointRouteBuilder app)
    {
        app.MapHub<LiveEventsHub>(LiveHub.Path);
        return app;
    }
}
