using Microsoft.Extensions.Options;

namespace OpenOrchestrator.Silo.Models;

/// <summary>A malformed endpoint or provider name stops the start with a clear message instead of failing every run.</summary>
public sealed class ModelEndpointValidation(IConfiguration configuration) : IValidateOptions<ModelOptions>
{
    private static readonly string[] Reserved = [ModelProvider.OpenAI, ModelProvider.Anthropic, ModelProvider.Azure];

    public ValidateOptionsResult Validate(string? name, ModelOptions options)
    {
        var failures = new[] { "OPENAI_BASE_URL", "AZURE_OPENAI_ENDPOINT", "ANTHROPIC_BASE_URL" }
            .Where(variable => configuration[variable] is { Length: > 0 } value && !IsHttpUrl(value))
            .Select(variable => $"{variable} must be an absolute http(s) URL.")
            .ToList();
        foreach (var (provider, server) in options.Providers)
        {
            if (Reserved.Contains(provider.ToLowerInvariant()))
                failures.Add($"Models__Providers__{provider}: '{provider}' is a built-in provider; give the server another name.");
            else if (provider.Length > 40 || !provider.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                failures.Add($"Models__Providers__{provider}: a provider name has letters, digits, '-' or '_' (at most 40).");
            if (!IsHttpUrl(server.Endpoint))
                failures.Add($"Models__Providers__{provider}__Endpoint must be an absolute http(s) URL.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string value) => Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
