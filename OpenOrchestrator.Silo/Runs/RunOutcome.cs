using OpenOrchestrator.Contracts;

namespace OpenOrchestrator.Silo.Runs;

/// <summary>How a run ended, with what it used and found. Never changed once made: a call in this process passes it as it is, uncopied.</summary>
[GenerateSerializer, Immutable, Alias("RunOutcome")]
public sealed record RunOutcome(
    [property: Id(0)] string Status,
    [property: Id(1)] string? Output,
    [property: Id(2)] string? Error,
    [property: Id(3)] DateTime FinishedAt,
    [property: Id(4)] long DurationMs,
    [property: Id(5)] int PromptTokens = 0,
    [property: Id(6)] int CompletionTokens = 0,
    [property: Id(7)] int ModelCalls = 0,
    [property: Id(8)] int ToolCalls = 0,
    [property: Id(9)] int NewResults = 0,
    [property: Id(10)] int SeenResults = 0,
    [property: Id(11)] int Depth = 0)
{
    /// <summary>USD the run's model calls cost; null when a model's price is unknown.</summary>
    [Id(15)]
    public double? Cost { get; init; }

    /// <summary>The model that answered the run's last call.</summary>
    [Id(16)]
    public string? Model { get; init; }

    /// <summary>The run's log lines not stored yet: they are stored with the outcome, in its commit.</summary>
    [Id(12)]
    public IReadOnlyList<RunLogLine> Log { get; init; } = [];

    /// <summary>The ids of the results the run stored, as its executor counted them; null when the run ended elsewhere (then they are read).</summary>
    [Id(13)]
    public IReadOnlyList<string>? NewResultIds { get; init; }

    /// <summary>The first results the run stored, as its notification lists them; null when the run ended elsewhere (then they are read).</summary>
    [Id(14)]
    public IReadOnlyList<FoundResult>? Found { get; init; }

    /// <summary>The run as its executor started it, so its end is announced without reading it back; null when the run ended elsewhere.</summary>
    [Id(17)]
    public RunView? Run { get; init; }
}

/// <summary>A result as its run stored it, for the run's notification.</summary>
[GenerateSerializer, Immutable, Alias("FoundResult")]
public sealed record FoundResult(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string? Url,
    [property: Id(3)] string? Content,
    [property: Id(4)] IReadOnlyDictionary<string, string>? Metadata,
    [property: Id(5)] string Status,
    [property: Id(6)] DateTime CreatedAt);
