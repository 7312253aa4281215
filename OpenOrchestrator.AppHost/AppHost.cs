// Two silos of one Orleans cluster: bots in PostgreSQL, the membership table in Redis (DESIGN D2, D13).
var builder = DistributedApplication.CreateBuilder(args);

var openAiKey = builder.AddParameter("openai-api-key", secret: true);
var openAiBaseUrl = builder.AddParameter("openai-base-url", "https://api.openai.com/v1");
var defaultModel = builder.AddParameter("default-model", "gpt-4o-mini");

var orchestrator = builder.AddPostgres("postgres")
    .WithDataVolume()
    .AddDatabase("orchestrator");

var redis = builder.AddRedis("redis");

builder.AddProject<Projects.OpenOrchestrator_Silo>("silo")
    .WithReference(orchestrator)
    .WithReference(redis)
    .WaitFor(orchestrator)
    .WaitFor(redis)
    .WithEnvironment("Database__Provider", "PostgreSQL")
    .WithEnvironment("Orleans__Clustering", "Redis")
    .WithEnvironment("Orleans__ClusterId", "openorchestrator")
    .WithEnvironment("Orleans__ServiceId", "openorchestrator")
    .WithEnvironment("OPENAI_API_KEY", openAiKey)
    .WithEnvironment("OPENAI_BASE_URL", openAiBaseUrl)
    .WithEnvironment("Models__Default", defaultModel)
    .WithReplicas(2)
    // The silo has no launch profile to take its endpoint from.
    .WithHttpEndpoint()
    .WithHttpHealthCheck("/health")
    .WithExternalHttpEndpoints();

builder.Build().Run();
