using OpenOrchestrator.Contracts;
using Orleans.Concurrency;

namespace OpenOrchestrator.Silo.Bots;

/// <summary>One bot (key = bot id): the single writer of its row, and the gate every run passes.</summary>
public interface IBotGrain : IGrainWithStringKey, IRemindable
{
    /// <summary>Creates the bot; false when the id is taken.</summary>
    Task<bool> CreateAsync(string ownerId, BotSpec spec);

    /// <summary>Replaces the bot's spec; false when there is no such bot of this owner.</summary>
    Task<bool> UpdateAsync(string ownerId, BotSpec spec);

    /// <summary>Removes the bot with its runs, results, triggers and documents; the bots scheduled after it become manual.</summary>
    Task<bool> DeleteAsync(string ownerId);

    /// <summary>The bot this one is scheduled after was deleted: its schedule becomes manual, and its activity says why.</summary>
    Task AfterBotDeletedAsync(string deletedBotId, string deletedBotName);

    Task<StartRunResult> StartRunAsync(string ownerId, string trigger, string? input);

    Task<CancelRunResult> CancelRunAsync(string ownerId, string runId);

    /// <summary>
    /// Starts a run because another bot did something, or queues it while the bot is busy; the run's
    /// id, or null when nothing was started (paused, queue full, this firing already delivered).
    /// </summary>
    Task<string?> StartTriggeredAsync(TriggeredStart start);

    /// <summary>Starts the oldest queued run when the bot is free (woken at start for queues a stop left).</summary>
    Task StartQueuedAsync();

    /// <summary>
    /// Called by the run executor when a run has ended: stores the outcome with the bot's new state.
    /// False when the run had already ended (an earlier attempt of this call, a cancel, an interruption).
    /// </summary>
    Task<bool> RunFinishedAsync(string runId, RunOutcome outcome);

    /// <summary>Marks the bot's results seen (one, or all when <paramref name="resultId"/> is null); false when there is no such bot of this owner.</summary>
    Task<bool> MarkResultsSeenAsync(string ownerId, string? resultId);

    /// <summary>
    /// A trigger from this bot, or a bot scheduled after it, was stored, changed or removed: its links
    /// are read again. Interleaves with the grain's other calls: grains that tell each other while busy
    /// (a bot deleted while one scheduled after it changes) never wait on each other.
    /// </summary>
    [AlwaysInterleave]
    Task LinksChangedAsync();
}

[GenerateSerializer, Alias("StartRunResult")]
public sealed record StartRunResult(
    [property: Id(0)] StartRunOutcome Outcome,
    [property: Id(1)] string? RunId,
    [property: Id(2)] DateTime? StartedAt = null)
{
    /// <summary>Why the run was not started, for <see cref="StartRunOutcome.BudgetExceeded"/>.</summary>
    [Id(3)]
    public string? Refusal { get; init; }
}

public enum StartRunOutcome
{
    Started,
    NotFound,
    AlreadyRunning,
    BudgetExceeded,
}

public enum CancelRunResult
{
    Cancelling,
    NotFound,
    AlreadyFinished,
}

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

/// <summary>A trigger firing as the target bot receives it.</summary>
[GenerateSerializer, Alias("TriggeredStart")]
public sealed record TriggeredStart(
    [property: Id(0)] string OwnerId,
    [property: Id(1)] string TriggerKey,
    [property: Id(2)] string SourceBotId,
    [property: Id(3)] string SourceBotName,
    [property: Id(4)] string SourceRunId,
    [property: Id(5)] string Event,
    [property: Id(6)] string? Input,
    [property: Id(7)] int Depth);
