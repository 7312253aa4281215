using System.ComponentModel.DataAnnotations;

namespace OpenOrchestrator.Silo.Tools;

/// <summary>Limits of the browser tool: its fetch, and the Chromium pages of open, click, type and screenshot.</summary>
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

    /// <summary>Chromium's executable; by default the first of chromium, chromium-browser, google-chrome on PATH.</summary>
    [StringLength(4096)]
    public string? ChromiumPath { get; set; }

    /// <summary>Pages open at once on this server, all bots together; a run waits for a free one up to its page timeout.</summary>
    [Range(1, 64)]
    public int MaxPages { get; set; } = 4;

    /// <summary>Time for one browser action (open, click, type, screenshot); past it, the page is closed.</summary>
    [Range(1, 300)]
    public int PageTimeoutSeconds { get; set; } = 30;

    /// <summary>A bot loads at most one page per this many seconds on one domain: by browser.open, a link or a form it sends.</summary>
    [Range(0, 3600)]
    public double SecondsPerDomain { get; set; } = 3;

    /// <summary>Links and controls listed per page.</summary>
    [Range(10, 2_000)]
    public int MaxRefs { get; set; } = 200;
}
