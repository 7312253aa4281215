// The whole topology (DESIGN D13): PostgreSQL, Redis, and two silo replicas forming one Orleans
// cluster (each serves the API and the UI). `aspire run` or `dotnet run --project OpenOrchestrator.AppHost`.
var builder = DistributedApplication.CreateBuilder(args);
var infrastructure = InfrastructureChoice.Choose(builder);
var dataFolder = builder.Configuration["Parameters:data-folder"] is { Length: > 0 } folder
    ? Path.GetFullPath(folder)
    : Path.Combine(builder.AppHostDirectory, ".data");

IResourceBuilder<IResourceWithConnectionString> database, redis;
if (infrastructure == Infrastructure.Containers)
{
    database = builder.AddPostgres("postgres").WithDataVolume().AddDatabase("orchestrator");
    redis = builder.AddRedis("redis");
}
else
{
    database = builder.AddLocalPostgres("postgres", dataFolder);
    redis = builder.AddLocalRedis("redis");
}

var cluster = builder.AddOrleans("cluster")
    .WithClusterId("openorchestrator")
    .WithServiceId("openorchestrator")
    .WithClustering(new RedisClustering(redis));

var silo = builder.AddProject<Projects.OpenOrchestrator_Silo>("silo")
    .WithReference(cluster)
    .WithReference(database, "orchestrator")
    .WaitFor(database)
    .WaitFor(redis)
    .WithEnvironment("Database__Provider", "PostgreSQL")
    .WithReplicas(2)
    // The silo has no launch profile to take its endpoint from.
    .WithHttpEndpoint()
    .WithHttpHealthCheck("/health")
    .WithExternalHttpEndpoints();

if (builder.ExecutionContext.IsRunMode)
{
    // Both replicas keep bot documents and the Data Protection keys (sign-in cookies, stored secrets) in one folder.
    silo.WithEnvironment("Orchestrator__DataPath", Path.Combine(dataFolder, "silo"));
}

SiloParameters.PassTo(builder, silo);

builder.Build().Run();
