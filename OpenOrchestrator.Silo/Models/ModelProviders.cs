using Microsoft.Extensions.Options;

namespace OpenOrchestrator.Silo.Models;

/// <summary>The providers this server knows, read once from configuration: the built-in three and every named server.</summary>
public sealed class ModelProviders
{
    public static readonly Uri AnthropicDefaultEndpoint = new("https://api.anthropic.com");

    public ModelProviders(IConfiguration configuration, IOptions<ModelOptions> options)
    {
        string? Read(string name) => string.IsNullOrWhiteSpace(configuration[name]) ? null : configuration[name]!.Trim();
        var all = new List<ModelProvider>();

        var openAiKey = Read("OPENAI_API_KEY");
        var openAiUrl = Read("OPENAI_BASE_URL");
        all.Add(new ModelProvider(ModelProvider.OpenAI, ProviderKind.OpenAICompatible, openAiUrl is null ? null : new Uri(openAiUrl), openAiKey,
            ModelProvider.UserSecretFor(ProviderKind.OpenAICompatible, ModelProvider.OpenAI), "OPENAI_API_KEY on the server, or your own OpenAI key in Settings")
        {
            // A local OpenAI-compatible server (Ollama, vLLM) may need no key at all.
            ServerConfigured = openAiKey is not null || openAiUrl is not null,
            KnownModels = openAiUrl is null ? ModelPrices.WellKnown(ProviderKind.OpenAICompatible) : [],
        });

        var anthropicKey = Read("ANTHROPIC_API_KEY");
        var anthropicUrl = Read("ANTHROPIC_BASE_URL");
        all.Add(new ModelProvider(ModelProvider.Anthropic, ProviderKind.Anthropic, anthropicUrl is null ? null : new Uri(anthropicUrl), anthropicKey,
            ModelProvider.UserSecretFor(ProviderKind.Anthropic, ModelProvider.Anthropic), "ANTHROPIC_API_KEY on the server, or your own Anthropic key in Settings")
        {
            ServerConfigured = anthropicKey is not null,
            KnownModels = anthropicUrl is null ? ModelPrices.WellKnown(ProviderKind.Anthropic) : [],
        });

        if (Read("AZURE_OPENAI_ENDPOINT") is { } azureUrl && Read("AZURE_OPENAI_API_KEY") is { } azureKey)
        {
            all.Add(new ModelProvider(ModelProvider.Azure, ProviderKind.AzureOpenAI, new Uri(azureUrl), azureKey, null, "AZURE_OPENAI_API_KEY")
            {
                ServerConfigured = true,
            });
        }

        foreach (var (name, server) in options.Value.Providers.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            all.Add(new ModelProvider(name.ToLowerInvariant(), ProviderKind.OpenAICompatible, new Uri(server.Endpoint), server.ApiKey, null, $"Models__Providers__{name}__ApiKey")
            {
                ServerConfigured = true,
                KnownModels = server.Models,
            });
        }

        All = all;
    }

    /// <summary>In the order a model id that several could serve is given to.</summary>
    public IReadOnlyList<ModelProvider> All { get; }

    public ModelProvider? Named(string name) => All.FirstOrDefault(p => p.Name == name);
}
