using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenOrchestrator.Silo.Hosting;
using OpenOrchestrator.Silo.Schedules;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Bots;

public static class BotsExtensions
{
    /// <summary>What bot grains and the bot API need besides the silo itself.</summary>
    public static IHostApplicationBuilder AddBots(this IHostApplicationBuilder builder)
    {
        builder.AddSchedules();
        builder.Services.AddSingleton<BotQueries>();
        builder.Services.AddSingleton<BotOwners>();
        builder.Services.AddMetrics();
        builder.Services.TryAddSingleton<RunMetrics>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }
}
