using System.ComponentModel.DataAnnotations;

namespace OpenOrchestrator.Silo.Tools;

/// <summary>The web search tool's backend, set by the admin; checked at start by <see cref="WebSearchOptionsValidation"/>.</summary>
public sealed class WebSearchOptions
{
    public const string SectionName = "WebSearch";
    public const string Searxng = "searxng";
    public const string Brave = "brave";
    public const string Tavily = "tavily";

    public static readonly IReadOnlyList<string> Providers = [Searxng, Brave, Tavily];

    /// <summary>searxng (or any server speaking its JSON API), brave or tavily.</summary>
    public string Provider { get; set; } = Searxng;

    /// <summary>The service's address: required for SearXNG, the public API's by default for the others.</summary>
    public string? Endpoint { get; set; }

    /// <summary>
    /// A secret: never logged, never put into an error message. Brave and Tavily need it; SearXNG sends it
    /// as a bearer token, for servers behind an authenticating proxy.
    /// </summary>
    public string? ApiKey { get; set; }

    [Range(1, 50, ErrorMessage = "WebSearch__MaxResults must be between 1 and 50.")]
    public int MaxResults { get; set; } = 8;

    public bool Is(string provider) => string.Equals(Provider?.Trim(), provider, StringComparison.OrdinalIgnoreCase);

    /// <summary>What the start's check and the plugin say when <see cref="Provider"/> is none of <see cref="Providers"/>.</summary>
    public string UnknownProvider() => $"WebSearch__Provider must be searxng, brave or tavily, not '{Provider}'.";
}
