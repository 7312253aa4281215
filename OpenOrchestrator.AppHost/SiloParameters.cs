/// <summary>
/// The settings the silos get from AppHost parameters, each only when it is given
/// (Parameters__openai-api-key, Parameters__web-search-provider, …): without any model key the
/// product still starts and each user can enter a key of their own in Settings.
/// </summary>
internal static class SiloParameters
{
    private static readonly (string Parameter, string Variable, bool Secret)[] Settings =
    [
        ("openai-api-key", "OPENAI_API_KEY", true),
        ("openai-base-url", "OPENAI_BASE_URL", false),
        ("anthropic-api-key", "ANTHROPIC_API_KEY", true),
        ("anthropic-base-url", "ANTHROPIC_BASE_URL", false),
        ("default-model", "Models__Default", false),
        ("web-search-provider", "WebSearch__Provider", false),
        ("web-search-api-key", "WebSearch__ApiKey", true),
        ("web-search-endpoint", "WebSearch__Endpoint", false),
    ];

    public static void PassTo(IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> silo)
    {
        foreach (var (parameter, variable, secret) in Settings)
        {
            if (!string.IsNullOrEmpty(builder.Configuration[$"Parameters:{parameter}"]))
            {
                silo.WithEnvironment(variable, builder.AddParameter(parameter, secret));
            }
        }
    }
}
