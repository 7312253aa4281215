using System.Net;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Connections.Security;
using StackExchange.Redis;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Accounts;
using OpenOrchestrator.Silo.Schedules;

[assembly: GenerateCodeForDeclaringAssembly(typeof(BotSpec))]

namespace OpenOrchestrator.Silo.Hosting;

public static class OrleansSilo
{
    /// <summary>Orleans' own switch for tracing grain calls, read by Orleans itself.</summary>
    private const string EnableDistributedTracingKey = "Orleans:EnableDistributedTracing";

    /// <summary>
    /// The co-hosted Orleans silo: one node on localhost clustering by default (DESIGN D1), or one
    /// of several sharing a Redis membership table and the database (D2).
    /// </summary>
    public static IHostApplicationBuilder AddOrleansSilo(this IHostApplicationBuilder builder)
    {
        var options = SiloOptionsValidation.Read(builder.Configuration);
        builder.Services.AddSingleton(Options.Create(options));

        if (options.Clustering == ClusteringMode.Provider)
        {
            // Orleans reads its own section (ProviderType, ServiceKey, Endpoints) and asks for the keyed
            // connection. Its traces are off: the membership table is read every few seconds and would
            // bury the runs' traces.
            builder.AddKeyedRedisClient(options.ProviderServiceKey!, redis => redis.DisableTracing = true);
        }
        else
        {
            // Orleans reads "Orleans:Clustering" as a provider section of its own (ProviderType, ServiceKey);
            // ours is a plain choice made in code below, so Orleans must not see it.
            builder.Configuration.AddInMemoryCollection([new($"{SiloOptions.SectionName}:{nameof(SiloOptions.Clustering)}", null)]);
        }

        builder.UseOrleans(silo =>
        {
            switch (options.Clustering)
            {
                case ClusteringMode.Redis:
                    silo.UseRedisCluster(options, builder.Configuration.GetConnectionString(SiloOptionsValidation.RedisConnectionName)!);
                    break;
                case ClusteringMode.Localhost:
                    silo.UseLocalhostClustering(
                        options.SiloPort,
                        options.GatewayPort,
                        options.PrimarySiloPort is { } primary ? new IPEndPoint(IPAddress.Loopback, primary) : null,
                        options.ServiceId,
                        options.ClusterId);
                    break;
                case ClusteringMode.Provider:
                    // Orleans builds clustering, cluster id and endpoints from its own section.
                    break;
            }

            // Production keeps Orleans' failure detection; a test or a small cluster may shorten it.
            silo.Services.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection(SiloOptions.MembershipSectionName));
            // Aspire's Orleans integration turns Orleans' own propagation on (Orleans__EnableDistributedTracing);
            // a second would trace every grain call twice.
            if (!builder.Configuration.GetValue<bool>(EnableDistributedTracingKey))
            {
                silo.AddActivityPropagation();
            }

            silo.UseClusterTls(options);
            silo.AddDatabaseReminders().AddAdminDashboard(options);
        });
        return builder;
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
            silo.ConfigureEndpoints(advertised, options.SiloPort, options.GatewayPort);
        }
        else
        {
            silo.ConfigureEndpoints(options.SiloPort, options.GatewayPort);
        }
    }

    /// <summary>With <see cref="SiloOptions.TlsCertificatePath"/>: TLS between silos, each side showing the cluster's certificate and accepting only it.</summary>
    private static void UseClusterTls(this ISiloBuilder silo, SiloOptions options)
    {
        if (string.IsNullOrEmpty(options.TlsCertificatePath))
        {
            return;
        }

        var certificate = CertificateFile.Load(options.TlsCertificatePath, options.TlsCertificatePassword, "Orleans__TlsCertificatePath");
        silo.UseTls(certificate, tls =>
        {
            tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
            tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
            tls.RemoteCertificateValidation = (remote, _, _) => remote.Thumbprint == certificate.Thumbprint;
        });
    }
}
