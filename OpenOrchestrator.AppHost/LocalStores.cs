using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// PostgreSQL and Redis as local executables (Debian's postgres and redis-server, started by the
/// scripts in Local/), for machines without a container engine. Each is a resource with a
/// connection string and a health check that really connects, so WaitFor holds the silos until
/// the server answers.
/// </summary>
internal static class LocalStores
{
    public static IResourceBuilder<LocalServerResource> AddLocalPostgres(this IDistributedApplicationBuilder builder, string name, string dataFolder)
    {
        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password", special: false);
        var server = new LocalServerResource(name, "bash", builder.AppHostDirectory,
            endpoint => ReferenceExpression.Create(
                $"Host={endpoint.Property(EndpointProperty.Host)};Port={endpoint.Property(EndpointProperty.Port)};Username=postgres;Password={password};Database=orchestrator"));
        return builder.AddResource(server)
            .WithArgs(Path.Combine(builder.AppHostDirectory, "Local", "postgres.sh"), Path.Combine(dataFolder, name))
            .WithEndpoint(name: LocalServerResource.EndpointName, scheme: "tcp", env: "PGPORT")
            .WithEnvironment("POSTGRES_PASSWORD", password)
            .WithReadyCheck(builder, async (connectionString, cancellationToken) =>
            {
                // The server's own database: the silos make theirs on their first start.
                var server = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" };
                await using var connection = new Npgsql.NpgsqlConnection(server.ConnectionString);
                await connection.OpenAsync(cancellationToken);
            });
    }

    public static IResourceBuilder<LocalServerResource> AddLocalRedis(this IDistributedApplicationBuilder builder, string name)
    {
        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password", special: false);
        var server = new LocalServerResource(name, "bash", builder.AppHostDirectory,
            endpoint => ReferenceExpression.Create(
                $"{endpoint.Property(EndpointProperty.Host)}:{endpoint.Property(EndpointProperty.Port)},password={password}"));
        return builder.AddResource(server)
            .WithArgs(Path.Combine(builder.AppHostDirectory, "Local", "redis.sh"))
            .WithEndpoint(name: LocalServerResource.EndpointName, scheme: "tcp", env: "REDIS_PORT")
            .WithEnvironment("REDIS_PASSWORD", password)
            .WithReadyCheck(builder, async (connectionString, _) =>
            {
                await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(connectionString);
                await redis.GetDatabase().PingAsync();
            });
    }

    /// <summary>Healthy once <paramref name="probe"/> succeeds against the server's connection string.</summary>
    private static IResourceBuilder<LocalServerResource> WithReadyCheck(
        this IResourceBuilder<LocalServerResource> server,
        IDistributedApplicationBuilder builder,
        Func<string, CancellationToken, Task> probe)
    {
        var key = $"{server.Resource.Name}-ready";
        builder.Services.AddHealthChecks().Add(new(key, _ => new ConnectionHealthCheck(server.Resource, probe), failureStatus: null, tags: null));
        return server.WithHealthCheck(key);
    }
}
