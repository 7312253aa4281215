using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Hosting;
using OpenOrchestrator.Silo.Schedules;

[assembly: GenerateCodeForDeclaringAssembly(typeof(BotSpec))]

namespace OpenOrchestrator.Silo.Bots;

public sealed class SiloOptions
{
    public const string SectionName = "Orleans";

    public int SiloPort { get; set; } = 11111;
    public int GatewayPort { get; set; } = 30000;
    public string ClusterId { get; set; } = "openorchestrator";
    public string ServiceId { get; set; } = "openorchestrator";

    /// <summary>The silo port of another silo on this machine to join (development clustering); none: this silo is the first.</summary>
    public int? PrimarySiloPort { get; set; }

    /// <summary>The Orleans dashboard for the instance's owner at <see cref="OrleansDashboard.Path"/>; Orleans__Dashboard=false turns it off.</summary>
    public bool Dashboard { get; set; } = true;
}

public static class BotsExtensions
{
    /// <summary>The co-hosted Orleans silo (DESIGN D1: one node on localhost clustering by default).</summary>
    public static IHostApplicationBuilder AddBots(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SiloOptions.SectionName).Get<SiloOptions>() ?? new SiloOptions();
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(
                options.SiloPort,
                options.GatewayPort,
                options.PrimarySiloPort is { } primary ? new IPEndPoint(IPAddress.Loopback, primary) : null,
                options.ServiceId,
                options.ClusterId)
            .AddActivityPropagation()
            .AddDatabaseReminders()
            .AddAdminDashboard(options));
        return builder.AddBotServices();
    }

    /// <summary>What bot grains and the bot API need besides the silo itself.</summary>
    public static IHostApplicationBuilder AddBotServices(this IHostApplicationBuilder builder)
    {
        builder.AddSchedules();
        builder.Services.AddSingleton<BotQueries>();
        builder.Services.AddMetrics();
        builder.Services.TryAddSingleton<RunMetrics>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }
}
