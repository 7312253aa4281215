using System.ComponentModel.DataAnnotations;

namespace OpenOrchestrator.Silo.Documents;

/// <summary>Size limits of each bot's document folder.</summary>
public sealed class DocumentOptions
{
    public const string SectionName = "Documents";

    [Range(1d, 1_099_511_627_776d)]
    public long QuotaBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The largest document written, and the most read of one.</summary>
    [Range(1d, 1_099_511_627_776d)]
    public long MaxFileBytes { get; set; } = 1024 * 1024;

    /// <summary>Files and folders in a bot's folder, whoever made them (the code tool too).</summary>
    [Range(1, 10_000_000)]
    public int MaxFiles { get; set; } = 1000;
}
