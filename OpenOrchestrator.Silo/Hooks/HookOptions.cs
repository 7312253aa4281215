using System.ComponentModel.DataAnnotations;

namespace OpenOrchestrator.Silo.Hooks;

public sealed class HookOptions
{
    public const string SectionName = "Hooks";

    /// <summary>Calls each hook may take per minute on average…</summary>
    [Range(1, 1_000_000)]
    public int CallsPerMinute { get; set; } = 60;

    /// <summary>…and in one burst.</summary>
    [Range(1, 1_000_000)]
    public int Burst { get; set; } = 20;
}
