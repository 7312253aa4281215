using Microsoft.Extensions.Options;

namespace OpenOrchestrator.Silo.Tools;

/// <summary>An unknown provider, a missing key or a malformed address stops the start instead of failing every search.</summary>
public sealed class WebSearchOptionsValidation : IValidateOptions<WebSearchOptions>
{
    public ValidateOptionsResult Validate(string? name, WebSearchOptions options)
    {
        var failures = new List<string>();
        if (!WebSearchOptions.Providers.Any(options.Is))
        {
            failures.Add(options.UnknownProvider());
        }
        else if (!options.Is(WebSearchOptions.Searxng) && string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add($"WebSearch__ApiKey is required when WebSearch__Provider is {options.Provider.Trim()}.");
        }

        // The address is not repeated: it may carry a login (https://user:password@host/).
        if (!string.IsNullOrWhiteSpace(options.Endpoint) && !WebUrl.TryParse(options.Endpoint, out _))
        {
            failures.Add("WebSearch__Endpoint must be an absolute http(s) URL.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
