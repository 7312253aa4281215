using OpenOrchestrator.Silo.Accounts;

namespace OpenOrchestrator.Silo.Models;

public enum ProviderKind
{
    /// <summary>OpenAI's chat completions, or any server that speaks them.</summary>
    OpenAICompatible,
    AzureOpenAI,
    /// <summary>Anthropic's own Messages API.</summary>
    Anthropic,
}

/// <summary>
/// A place models are served from. <see cref="UserSecret"/> names the settings key a user may bring for it;
/// <see cref="KeySetting"/> says what to set when neither the server nor the user has a key.
/// </summary>
public sealed record ModelProvider(string Name, ProviderKind Kind, Uri? Endpoint, string? ServerKey, string? UserSecret, string KeySetting)
{
    public const string OpenAI = "openai";
    public const string Azure = "azure-openai";
    public const string Anthropic = "anthropic";

    /// <summary>True when runs can reach it without a user's key: a server key, or a server that needs none.</summary>
    public bool ServerConfigured { get; init; }

    /// <summary>Ids every list of this provider has, whether or not its own list can be read.</summary>
    public IReadOnlyList<string> KnownModels { get; init; } = [];

    public static string? UserSecretFor(ProviderKind kind, string name) => (kind, name) switch
    {
        (ProviderKind.OpenAICompatible, OpenAI) => SecretNames.OpenAiApiKey,
        (ProviderKind.Anthropic, _) => SecretNames.AnthropicApiKey,
        _ => null,
    };
}
