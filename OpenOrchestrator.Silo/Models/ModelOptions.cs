using System.ComponentModel.DataAnnotations;

namespace OpenOrchestrator.Silo.Models;

/// <summary>
/// Which models bots may pick and what they cost. The built-in providers' keys come from the contract's plain
/// variables (OPENAI_API_KEY, OPENAI_BASE_URL, AZURE_OPENAI_ENDPOINT, AZURE_OPENAI_API_KEY, ANTHROPIC_API_KEY,
/// ANTHROPIC_BASE_URL) or the user's settings; further OpenAI-compatible servers are named under <see cref="Providers"/>.
/// </summary>
public sealed class ModelOptions
{
    public const string SectionName = "Models";

    /// <summary>The model a new bot gets; unset, a Claude Sonnet model when Anthropic is configured, else gpt-4o-mini.</summary>
    public string? Default { get; set; }

    /// <summary>Model ids offered besides those the providers list (Azure deployments, models a list leaves out).</summary>
    public List<string> Available { get; set; } = [];

    /// <summary>Further OpenAI-compatible servers by name (Ollama, vLLM, OpenRouter, Gemini's OpenAI endpoint…).</summary>
    public Dictionary<string, CompatibleServerOptions> Providers { get; set; } = [];

    /// <summary>USD per million tokens by model id, over the built-in prices.</summary>
    public Dictionary<string, ModelPrice> Prices { get; set; } = [];

    [Range(0, 10)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>A model call that sends nothing for this long has failed (then a fallback model is tried).</summary>
    [Range(1, 3600)]
    public int CallTimeoutSeconds { get; set; } = 120;

    /// <summary>How long a provider's model list is kept before it is read again.</summary>
    [Range(1, 24 * 60)]
    public int ListRefreshMinutes { get; set; } = 15;
}

public sealed class CompatibleServerOptions
{
    [Required]
    public string Endpoint { get; set; } = "";

    public string? ApiKey { get; set; }

    /// <summary>Model ids this server offers besides those its /models lists.</summary>
    public List<string> Models { get; set; } = [];
}

public sealed class ModelPrice
{
    [Range(0, 100_000)]
    public double Input { get; set; }

    [Range(0, 100_000)]
    public double Output { get; set; }
}
