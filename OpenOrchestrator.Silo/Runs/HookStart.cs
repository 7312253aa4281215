namespace OpenOrchestrator.Silo.Runs;

/// <summary>A web hook's call as its bot receives it; <see cref="Cause"/> (unique per bot) carries the idempotency key.</summary>
[GenerateSerializer, Alias("HookStart")]
public sealed record HookStart(
    [property: Id(0)] string OwnerId,
    [property: Id(1)] string HookId,
    [property: Id(2)] string? Cause,
    [property: Id(3)] string? Input);

[GenerateSerializer, Alias("HookStartResult")]
public sealed record HookStartResult(
    [property: Id(0)] HookStartOutcome Outcome,
    [property: Id(1)] string? RunId = null,
    [property: Id(2)] string? Refusal = null);

public enum HookStartOutcome
{
    Started,
    Queued,
    /// <summary>The cause has a run already: its id, and nothing new.</summary>
    Repeated,
    NotFound,
    Paused,
    QueueFull,
    BudgetExceeded,
}
