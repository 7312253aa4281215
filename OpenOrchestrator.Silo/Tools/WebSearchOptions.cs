using System.ComponentModel.DataAnnotations;

namespace OpenOrchestrator.Silo.Tools;

/// <summary>The web search tool's backend, set by the admin.</summary>
public sealed class WebSearchOptions
{
    public const string SectionName = "WebSearch";

    /// <summary>Only "searxng" (or any server speaking its JSON API) is supported.</summary>
    [Required]
    public string Provider { get; set; } = "searxng";

    [Url]
    public string? Endpoint { get; set; }

    /// <summary>Sent as a bearer token, for servers behind an authenticating proxy.</summary>
    public string? ApiKey { get; set; }

    [Range(1, 50)]
    public int MaxResults { get; set; } = 8;
}
