using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OpenOrchestrator.Silo.Hosting;

namespace OpenOrchestrator.Silo.Tests.Cluster;

/// <summary>
/// How a silo reads its clustering: our plain Orleans__Clustering=Redis, or Orleans' own provider
/// section as Aspire's Orleans integration writes it (Orleans__Clustering__ProviderType, ServiceKey).
/// </summary>
public sealed class SiloOptionsTests
{
    private static SiloOptions Read(params (string Key, string Value)[] settings) =>
        SiloOptionsValidation.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build());

    private static string Refused(params (string Key, string Value)[] settings) =>
        string.Join("\n", Assert.Throws<OptionsValidationException>(() => Read(settings)).Failures);

    [Fact]
    public void AspiresOrleansSettingsMakeAClusterOnTheKeyedRedisConnection()
    {
        var options = Read(
            ("Orleans:Clustering:ProviderType", "Redis"),
            ("Orleans:Clustering:ServiceKey", "membership"),
            ("ConnectionStrings:membership", "localhost:6380,password=x"),
            ("Orleans:Endpoints:SiloPort", "28425"),
            ("Orleans:ClusterId", "openorchestrator"));

        Assert.Equal(ClusteringMode.Provider, options.Clustering);
        Assert.Equal("membership", options.ProviderServiceKey);
        Assert.True(options.IsCluster);
    }

    [Fact]
    public void OurOwnRedisSettingStillMeansRedis()
    {
        var options = Read(("Orleans:Clustering", "Redis"), ("ConnectionStrings:redis", "127.0.0.1:6379"));

        Assert.Equal(ClusteringMode.Redis, options.Clustering);
        Assert.True(options.IsCluster);
        Assert.False(Read().IsCluster);
    }

    [Fact]
    public void AProviderThisBuildDoesNotCarryIsNamedWithTheOneItDoes()
    {
        var message = Refused(("Orleans:Clustering:ProviderType", "AzureTableStorage"), ("Orleans:Clustering:ServiceKey", "tables"));

        Assert.Contains("'AzureTableStorage' is not available", message);
        Assert.Contains("Orleans__Clustering__ProviderType=Redis", message);
    }

    [Fact]
    public void AKeyedRedisWithoutItsConnectionStringNamesTheVariableToSet()
    {
        Assert.Contains("ConnectionStrings__membership", Refused(
            ("Orleans:Clustering:ProviderType", "Redis"), ("Orleans:Clustering:ServiceKey", "membership")));
        Assert.Contains("Orleans:Clustering:ServiceKey", Refused(("Orleans:Clustering:ProviderType", "Redis")));
    }

    [Fact]
    public void AnUnknownClusteringValueSaysWhatIsAccepted()
    {
        Assert.Contains("Localhost or Redis", Refused(("Orleans:Clustering", "Zookeeper")));
    }
}
