using Aspire.Hosting.Orleans;

/// <summary>
/// Orleans clustering on a Redis membership table, for either way of running Redis. Aspire's own
/// WithClustering(redis) names the provider after the resource's type, which is right for AddRedis
/// and wrong for the local executable; this names it Redis for both.
/// </summary>
internal sealed class RedisClustering(IResourceBuilder<IResourceWithConnectionString> redis) : IProviderConfiguration
{
    public void ConfigureResource<T>(IResourceBuilder<T> resourceBuilder, string configSectionPath) where T : IResourceWithEnvironment
    {
        var prefix = configSectionPath.Replace(":", "__");
        resourceBuilder
            .WithEnvironment($"Orleans__{prefix}__ProviderType", "Redis")
            .WithEnvironment($"Orleans__{prefix}__ServiceKey", redis.Resource.Name)
            .WithReference(redis);
    }
}
