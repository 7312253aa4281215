using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using StackExchange.Redis;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Hosting;
using OpenOrchestrator.Silo.Schedules;

[assembly: GenerateCodeForDeclaringAssembly(typeof(BotSpec))]

namespace OpenOrchestrator.Silo.Bots;

public static class BotsExtensions
{
    /// <summary>
    /// The co-hosted Orleans silo: one node on localhost clustering by default (DESIGN D1), or one
    /// of several sharing a Redis membership table and the database (D2).
    /// </summary>
    public static IHostApplicationBuilder AddBots(this IHostApplicationBuilder builder)
    {
        var options = SiloOptionsValidation.Read(builder.Configuration);
        builder.Services.AddSingleton(Options.Create(options));

        // Orleans reads "Orleans:Clustering" as a provider section of its own (ProviderType, ServiceKey);
        // ours is a plain choice made in code below, so Orleans must not see it.
        builder.Configuration.AddInMemoryCollection([new($"{SiloOptions.SectionName}:{nameof(SiloOptions.Clustering)}", null)]);
        builder.UseOrleans(silo =>
        {
            if (options.Clustering == ClusteringMode.Redis)
            {
                silo.UseRedisCluster(options, builder.Configuration.GetConnectionString(SiloOptionsValidation.RedisConnectionName)!);
            }
            else
            {
                silo.UseLocalhostClustering(
                    options.SiloPort,
                    options.GatewayPort,
                    options.PrimarySiloPort is { } primary ? new IPEndPoint(IPAddress.Loopback, primary) : null,
                    options.ServiceId,
                    options.ClusterId);
            }

            // Production keeps Orleans' failure detection; a test or a small cluster may shorten it.
            silo.Services.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection(SiloOptions.MembershipSectionName));
            silo.AddActivityPropagation().AddDatabaseReminders().AddAdminDashboard(options);
        });
        return builder.AddBotServices();
    }

    private static void UseRedisCluster(this ISiloBuilder silo, SiloOptions options, string connectionString)
    {
        silo.UseRedisClustering(redis => redis.ConfigurationOptions = ConfigurationOptions.Parse(connectionString));
        silo.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = options.ClusterId;
            cluster.ServiceId = options.ServiceId;
        });
        if (options.AdvertisedAddress is { } advertised)
        {
            silo.ConfigureEndpoints(advertised, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
        }
        else
        {
            silo.ConfigureEndpoints(options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
        }
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
