using OpenOrchestrator.Silo.Costs;

namespace OpenOrchestrator.Silo.Runs;

/// <summary>A reservation held for one model call; <see cref="None"/> when no budget applies to the run.</summary>
public sealed record BudgetReservation(string? OwnerId, string? Id)
{
    public static readonly BudgetReservation None = new(null, null);
}

/// <summary>The budget check before every model call of a run, and the settling after it (DESIGN 3b). A run no budget covers costs nothing here.</summary>
public sealed class RunBudget(IGrainFactory grains)
{
    public async Task<BudgetReservation> ReserveAsync(RunContext run, string model, Func<double> estimate, CancellationToken cancellationToken)
    {
        if (!run.Ticket.Budgeted)
        {
            return BudgetReservation.None;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var verdict = await grains.GetGrain<IBudgetGrain>(run.Ticket.OwnerId)
            .ReserveAsync(new BudgetRequest(run.BotId, run.RunId, run.Ticket.Bot.MonthlyBudget, estimate()));
        return verdict.Refusal is { } refusal
            ? throw new BudgetExceededException(refusal)
            : new BudgetReservation(run.Ticket.OwnerId, verdict.ReservationId);
    }

    public Task SettleAsync(BudgetReservation reservation, double cost) =>
        reservation is { OwnerId: { } owner, Id: { } id } ? grains.GetGrain<IBudgetGrain>(owner).SettleAsync(id, cost) : Task.CompletedTask;

    /// <summary>After the run's end is stored: its cost is in the database now.</summary>
    public void RunStored(RunTicket ticket)
    {
        if (ticket.Budgeted)
        {
            _ = grains.GetGrain<IBudgetGrain>(ticket.OwnerId).RunStoredAsync(ticket.RunId);
        }
    }
}
