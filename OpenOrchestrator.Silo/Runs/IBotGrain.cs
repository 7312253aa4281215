using OpenOrchestrator.Contracts;
using Orleans.Concurrency;

namespace OpenOrchestrator.Silo.Runs;

/// <summary>One bot (key = bot id): the single writer of its row, and the gate every run passes.</summary>
public interface IBotGrain : IGrainWithStringKey, IRemindable
{
    /// <summary>Creates the bot; false when the id is taken.</summary>
    Task<bool> CreateAsync(string ownerId, BotSpec spec);

    /// <summary>Replaces the bot's spec; false when there is no such bot of this owner.</summary>
    Task<bool> UpdateAsync(string ownerId, BotSpec spec);

    /// <summary>Removes the bot with its runs, results, triggers, hooks and documents; the bots scheduled after it become manual.</summary>
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

    /// <summary>
    /// Starts a run a web hook was called for, or queues it while the bot is busy (as a trigger's); a cause
    /// that has a run already (a repeated idempotency key) answers with that run and starts nothing.
    /// </summary>
    Task<HookStartResult> StartHookedAsync(HookStart start);

    /// <summary>A bot scheduled <c>mail</c> starts a run for a new message of its owner's mailbox, or queues it while busy.</summary>
    Task<MailStartOutcome> StartMailAsync(MailStart start);

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
