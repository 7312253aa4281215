using System.ComponentModel.DataAnnotations;

namespace OpenOrchestrator.Silo.Documents;

/// <summary>Size limits of each bot's document folder.</summary>
public sealed class DocumentOptions
{
    public const string SectionName = "Documents";

    [Range(1d, 1_099_511_627_776d)]
    public long QuotaBytes { get; set; } = 10 * 1024 * 1024;

    [Range(1d, 1_099_511_627_776d)]
    public long MaxFileBytes { get; set; } = 1024 * 1024;
}
