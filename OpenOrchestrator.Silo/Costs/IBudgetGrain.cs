using Orleans.Concurrency;

namespace OpenOrchestrator.Silo.Costs;

/// <summary>
/// One user's spending this month (key = user id): the single place where model calls of all their runs, on
/// every silo, reserve what they may cost, so two runs never both pass a check the budget affords only once.
/// </summary>
public interface IBudgetGrain : IGrainWithStringKey
{
    /// <summary>Before a run starts: is a budget that applies to this bot used up?</summary>
    Task<BudgetVerdict> CheckAsync(string botId, double? botBudget);

    /// <summary>Before a model call: reserves its estimated cost, or refuses when it could overshoot a budget.</summary>
    Task<BudgetVerdict> ReserveAsync(BudgetRequest request);

    /// <summary>After the call, before the run goes on: its reservation becomes what it cost.</summary>
    Task SettleAsync(string reservationId, double cost);

    /// <summary>The run's end (with its cost) is stored: what it spent is read from the database from now on.</summary>
    [OneWay]
    Task RunStoredAsync(string runId);

    /// <summary>The user changed their own budget in settings.</summary>
    Task UserBudgetChangedAsync();
}

[GenerateSerializer, Alias("BudgetRequest")]
public sealed record BudgetRequest(
    [property: Id(0)] string BotId,
    [property: Id(1)] string RunId,
    [property: Id(2)] double? BotBudget,
    [property: Id(3)] double Estimate);

/// <summary><see cref="Applies"/>: some budget covers the bot; <see cref="Refusal"/>: why not (starts with "Budget exceeded"), else null.</summary>
[GenerateSerializer, Immutable, Alias("BudgetVerdict")]
public sealed record BudgetVerdict(
    [property: Id(0)] bool Applies,
    [property: Id(1)] string? Refusal,
    [property: Id(2)] string? ReservationId = null)
{
    /// <summary>No budget covers the bot.</summary>
    public static readonly BudgetVerdict None = new(false, null);
}

public sealed class BudgetExceededException(string message) : Exception(message);
