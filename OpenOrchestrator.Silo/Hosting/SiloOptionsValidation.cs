using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Extensions.Options;

namespace OpenOrchestrator.Silo.Hosting;

/// <summary>
/// The silo's settings decide how Orleans is built, before the host exists: they are read and
/// checked here, and a wrong one stops the start with a message naming the variable.
/// </summary>
public sealed class SiloOptionsValidation(IConfiguration configuration) : IValidateOptions<SiloOptions>
{
    public const string RedisConnectionName = "redis";

    /// <summary>Orleans' own clustering section (Aspire's Orleans integration writes it): ProviderType and ServiceKey.</summary>
    public const string ProviderSectionName = "Orleans:Clustering";

    /// <summary>The one clustering provider this build carries (Microsoft.Orleans.Clustering.Redis).</summary>
    public const string RedisProviderType = "Redis";

    public ValidateOptionsResult Validate(string? name, SiloOptions options)
    {
        var failures = new List<string>();
        var context = new ValidationContext(options);
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, context, results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(r => $"{string.Join(", ", r.MemberNames.Select(m => $"Orleans:{m}"))}: {r.ErrorMessage}"));
        }

        if (options.Clustering == ClusteringMode.Redis && string.IsNullOrWhiteSpace(configuration.GetConnectionString(RedisConnectionName)))
        {
            failures.Add("Orleans:Clustering is Redis: set ConnectionStrings:redis (ConnectionStrings__redis), e.g. \"127.0.0.1:6379\".");
        }

        if (options.Clustering != ClusteringMode.Localhost && options.PrimarySiloPort is not null)
        {
            failures.Add("Orleans:PrimarySiloPort is for Localhost clustering only; with Redis the silos find each other in the membership table.");
        }

        if (options.Clustering == ClusteringMode.Provider)
        {
            var providerType = configuration[$"{ProviderSectionName}:ProviderType"];
            if (!string.Equals(providerType, RedisProviderType, StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"Orleans:Clustering:ProviderType '{providerType}' is not available: this build clusters through Redis (Orleans__Clustering__ProviderType=Redis) or on localhost.");
            }
            else if (string.IsNullOrWhiteSpace(options.ProviderServiceKey))
            {
                failures.Add("Orleans:Clustering:ProviderType is Redis: set Orleans:Clustering:ServiceKey to the name of its connection string (Orleans__Clustering__ServiceKey=redis).");
            }
            else if (string.IsNullOrWhiteSpace(configuration.GetConnectionString(options.ProviderServiceKey)))
            {
                failures.Add($"Orleans:Clustering:ServiceKey is '{options.ProviderServiceKey}': set ConnectionStrings:{options.ProviderServiceKey} (ConnectionStrings__{options.ProviderServiceKey}), e.g. \"127.0.0.1:6379\".");
            }
        }

        if (!string.IsNullOrEmpty(options.AdvertisedIPAddress) && !IPAddress.TryParse(options.AdvertisedIPAddress, out _))
        {
            failures.Add($"Orleans:AdvertisedIPAddress '{options.AdvertisedIPAddress}' is not an IP address.");
        }

        if (options.SiloPort == options.GatewayPort)
        {
            failures.Add("Orleans:SiloPort and Orleans:GatewayPort must differ.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Binds and checks the settings now; throws <see cref="OptionsValidationException"/> listing every problem.</summary>
    public static SiloOptions Read(IConfiguration configuration)
    {
        var options = new SiloOptions();
        var provider = configuration.GetSection(ProviderSectionName);
        try
        {
            configuration.GetSection(SiloOptions.SectionName).Bind(options);
        }
        catch (InvalidOperationException e)
        {
            // A value the binder cannot convert, e.g. Orleans:Clustering=Zookeeper.
            throw new OptionsValidationException(SiloOptions.SectionName, typeof(SiloOptions),
                [$"{e.Message} Orleans:Clustering is Localhost or Redis, or a section of Orleans' own (Orleans:Clustering:ProviderType)."]);
        }

        if (provider.GetChildren().Any())
        {
            options.Clustering = ClusteringMode.Provider;
            options.ProviderServiceKey = provider["ServiceKey"];
        }

        var result = new SiloOptionsValidation(configuration).Validate(null, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(SiloOptions.SectionName, typeof(SiloOptions), result.Failures);
        }

        return options;
    }
}
