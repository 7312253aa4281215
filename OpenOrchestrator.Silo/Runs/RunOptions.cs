using System.ComponentModel.DataAnnotations;

namespace OpenOrchestrator.Silo.Runs;

/// <summary>The hard limits every run is held to, whatever the model does.</summary>
public sealed class RunOptions
{
    public const string SectionName = "Runs";

    /// <summary>Tool calls one run may make.</summary>
    [Range(1, 1000)]
    public int MaxSteps { get; set; } = 25;

    [Range(1, 24 * 3600)]
    public int TimeoutSeconds { get; set; } = 600;

    /// <summary>Prompt plus completion tokens over all model calls of one run.</summary>
    [Range(1, 100_000_000)]
    public int MaxTokens { get; set; } = 200_000;

    /// <summary>Completion tokens one model call may produce.</summary>
    [Range(1, 1_000_000)]
    public int MaxOutputTokens { get; set; } = 4096;

    /// <summary>
    /// How often a run's end is offered to its bot, one second apart and doubling (5: over 15 s), while
    /// the database or the bot's silo is briefly away; then the bot ends the run as interrupted.
    /// </summary>
    [Range(1, 10)]
    public int OutcomeAttempts { get; set; } = 5;
}
