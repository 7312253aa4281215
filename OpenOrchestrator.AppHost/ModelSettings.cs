/// <summary>
/// The model providers' settings the silos get, each only when it is given (Parameters__openai-api-key,
/// Parameters__anthropic-api-key, …): without any, the product still starts and each user can
/// enter a key of their own in Settings.
/// </summary>
internal static class ModelSettings
{
    private static readonly (string Parameter, string Variable, bool Secret)[] Settings =
    [
        ("openai-api-key", "OPENAI_API_KEY", true),
        ("openai-base-url", "OPENAI_BASE_URL", false),
        ("anthropic-api-key", "ANTHROPIC_API_KEY", true),
        ("anthropic-base-url", "ANTHROPIC_BASE_URL", false),
        ("default-model", "Models__Default", false),
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
