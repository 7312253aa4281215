using Microsoft.Extensions.Options;

namespace OpenOrchestrator.Silo.Models;

/// <summary>A malformed endpoint variable stops the start with a clear message instead of failing every run.</summary>
public sealed class ModelEndpointValidation(IConfiguration configuration) : IValidateOptions<ModelOptions>
{
    public ValidateOptionsResult Validate(string? name, ModelOptions options)
    {
        var failures = new[] { "OPENAI_BASE_URL", "AZURE_OPENAI_ENDPOINT" }
            .Where(variable => configuration[variable] is { Length: > 0 } value
                && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            .Select(variable => $"{variable} must be an absolute http(s) URL.")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
