using OpenOrchestrator.Silo.Tools;

namespace OpenOrchestrator.Silo.Mcp;

public static class McpExtensions
{
    /// <summary>Users' MCP servers: their registry, the guarded HTTP client and the sandbox that reach them, the tools a run gets.</summary>
    public static IHostApplicationBuilder AddMcp(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<McpOptions>().BindConfiguration(McpOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpClient(McpConnector.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<NetworkGuard>().CreateHandler())
            // A server's headers carry its owner's keys: no log level shows them.
            .RedactLoggedHeaders(_ => true);
        builder.Services.AddSingleton<McpHeaders>();
        builder.Services.AddSingleton<McpSandbox>();
        builder.Services.AddSingleton<McpConnector>();
        builder.Services.AddSingleton<McpProbe>();
        builder.Services.AddSingleton<McpServerQueries>();
        builder.Services.AddSingleton<McpRunTools>();
        return builder;
    }
}
