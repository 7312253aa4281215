using Microsoft.Extensions.Options;

namespace OpenOrchestrator.Silo.Models;

/// <summary>
/// USD per million tokens: <c>Models__Prices__{id}</c> first, then the built-in list of well-known models, matched
/// exactly or as a dated version of one (claude-sonnet-4-5-20250929, gpt-4o-mini-2024-07-18). Unknown is null, never a guess.
/// </summary>
public sealed class ModelPrices(IOptions<ModelOptions> options)
{
    /// <summary>Published list prices (input, output) of well-known models, as of 2026-12.</summary>
    private static readonly Dictionary<string, (double Input, double Output)> BuiltIn = new(StringComparer.OrdinalIgnoreCase)
    {
        ["claude-opus-4-5"] = (5, 25),
        ["claude-opus-4-1"] = (15, 75),
        ["claude-opus-4"] = (15, 75),
        ["claude-sonnet-4-5"] = (3, 15),
        ["claude-sonnet-4"] = (3, 15),
        ["claude-3-7-sonnet"] = (3, 15),
        ["claude-haiku-4-5"] = (1, 5),
        ["claude-3-5-haiku"] = (0.8, 4),
        ["gpt-5"] = (1.25, 10),
        ["gpt-5-mini"] = (0.25, 2),
        ["gpt-5-nano"] = (0.05, 0.4),
        ["gpt-4.1"] = (2, 8),
        ["gpt-4.1-mini"] = (0.4, 1.6),
        ["gpt-4.1-nano"] = (0.1, 0.4),
        ["gpt-4o"] = (2.5, 10),
        ["gpt-4o-mini"] = (0.15, 0.6),
        ["o3"] = (2, 8),
        ["o4-mini"] = (1.1, 4.4),
    };

    /// <summary>The well-known models of a provider kind, newest first: offered even when its list cannot be read.</summary>
    public static IReadOnlyList<string> WellKnown(ProviderKind kind) => kind switch
    {
        ProviderKind.Anthropic => ["claude-sonnet-4-5", "claude-haiku-4-5", "claude-opus-4-5"],
        ProviderKind.OpenAICompatible => ["gpt-4o-mini", "gpt-4o", "gpt-4.1", "gpt-4.1-mini", "gpt-5", "gpt-5-mini"],
        _ => [],
    };

    public ModelPrice? For(string modelId)
    {
        if (options.Value.Prices.TryGetValue(modelId, out var configured))
        {
            return configured;
        }

        if (BuiltIn.TryGetValue(modelId, out var known) || BuiltIn.TryGetValue(Undated(modelId), out known))
        {
            return new ModelPrice { Input = known.Input, Output = known.Output };
        }

        return null;
    }

    /// <summary>USD for one call's tokens; null when the model's price is unknown.</summary>
    public double? Cost(string modelId, long inputTokens, long outputTokens) =>
        For(modelId) is { } price ? Cost(price, inputTokens, outputTokens) : null;

    public static double Cost(ModelPrice price, long inputTokens, long outputTokens) =>
        (inputTokens * price.Input + outputTokens * price.Output) / 1_000_000d;

    /// <summary>A dated id without its date: "-20250929", "-2024-07-18" or "-latest" at the end.</summary>
    private static string Undated(string id)
    {
        var parts = id.Split('-');
        var keep = parts.Length;
        if (keep > 1 && (parts[^1] is "latest" || (parts[^1].Length == 8 && parts[^1].All(char.IsAsciiDigit))))
        {
            keep--;
        }
        else if (keep > 3 && parts[^3].Length == 4 && parts[^3].All(char.IsAsciiDigit) && parts[^2].Length == 2 && parts[^1].Length == 2)
        {
            keep -= 3;
        }

        return string.Join('-', parts.Take(keep));
    }
}
