using System.ComponentModel.DataAnnotations;

namespace OpenOrchestrator.Silo.Tools;

/// <summary>Limits of the browser tool's fetch.</summary>
public sealed class BrowserOptions
{
    public const string SectionName = "Tools:Browser";

    [Range(1_024, 100_000_000)]
    public int MaxResponseBytes { get; set; } = 2_000_000;

    /// <summary>Time for the whole fetch, redirects included.</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 20;

    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;

    [Range(100, 1_000_000)]
    public int MaxTextChars { get; set; } = 20_000;
}
