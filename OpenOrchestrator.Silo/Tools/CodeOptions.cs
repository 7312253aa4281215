using System.ComponentModel.DataAnnotations;

namespace OpenOrchestrator.Silo.Tools;

/// <summary>Limits of the <c>code</c> tool (DESIGN D8); a bot still has to enable the tool.</summary>
public sealed class CodeOptions
{
    public const string SectionName = "Tools:Code";

    /// <summary>Off switch for the whole server: bots with the tool are told it is disabled.</summary>
    public bool Enabled { get; set; } = true;

    [Range(1, 3600)]
    public int TimeoutSeconds { get; set; } = 60;

    [Range(1024, 16 * 1024 * 1024)]
    public int MaxOutputBytes { get; set; } = 64 * 1024;

    /// <summary>Run commands in a new, empty network namespace (no network at all) where the OS allows it.</summary>
    public bool IsolateNetwork { get; set; } = true;
}
