using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Costs;

/// <summary>
/// What a user has spent this month is what their stored runs cost (read when a decision is made) plus what
/// runs still going have spent (held here until their end is stored; their rows are left out of the read, so
/// a run whose end was just stored counts once) plus what calls under way may cost (reservations).
/// </summary>
public sealed partial class BudgetGrain(
    IDbContextFactory<OrchestratorDbContext> dbFactory, IOptions<BudgetOptions> options, BudgetAlerts alerts, TimeProvider time) : Grain, IBudgetGrain
{
    /// <summary>A run that never says its end was stored (its silo died) stops counting here after this; its calls are lost with it.</summary>
    private static readonly TimeSpan LiveFor = TimeSpan.FromHours(25);

    private readonly Dictionary<string, Hold> _held = [];
    private readonly Dictionary<string, Spent> _live = [];
    private double? _userBudget;
    private long _reservations;

    private string OwnerId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken) => UserBudgetChangedAsync();

    public async Task UserBudgetChangedAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        _userBudget = await StoredSpending.UserBudgetAsync(db, OwnerId);
    }

    public async Task<BudgetVerdict> CheckAsync(string botId, double? botBudget)
    {
        if (!Applies(botBudget))
        {
            return BudgetVerdict.None;
        }

        var spending = await SpendingAsync(botId);
        var refusal = Refusal(spending, botBudget, estimate: 0);
        if (refusal is not null)
        {
            await alerts.TellAsync(OwnerId, botId, spending, Budgets(botBudget), spending.At);
        }

        return new BudgetVerdict(true, refusal);
    }

    public async Task<BudgetVerdict> ReserveAsync(BudgetRequest request)
    {
        if (!Applies(request.BotBudget))
        {
            return BudgetVerdict.None;
        }

        if (Refusal(await SpendingAsync(request.BotId), request.BotBudget, request.Estimate) is { } refusal)
        {
            return new BudgetVerdict(true, refusal);
        }

        var id = $"{request.RunId}/{++_reservations}";
        _held[id] = new Hold(request.RunId, request.BotId, request.Estimate, request.BotBudget);
        KeepActive();
        return new BudgetVerdict(true, null, id);
    }

    public async Task SettleAsync(string reservationId, double cost)
    {
        if (!_held.Remove(reservationId, out var hold))
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var spent = _live.GetValueOrDefault(hold.RunId) ?? new Spent(hold.BotId, 0, now);
        _live[hold.RunId] = spent with { Cost = spent.Cost + cost, At = now };
        if (cost > 0)
        {
            await alerts.TellAsync(OwnerId, hold.BotId, await SpendingAsync(hold.BotId), Budgets(hold.BotBudget), now);
        }
    }

    public Task RunStoredAsync(string runId)
    {
        _live.Remove(runId);
        KeepActive();
        return Task.CompletedTask;
    }

    private bool Applies(double? botBudget) => botBudget is not null || _userBudget is not null || options.Value.UserMonthly is not null;

    /// <summary>While calls are under way or runs still going have spent, this grain holds what the database does not know yet.</summary>
    private void KeepActive() => DelayDeactivation(_held.Count > 0 || _live.Count > 0 ? LiveFor : TimeSpan.Zero);

    private sealed record Hold(string RunId, string BotId, double Amount, double? BotBudget);

    private sealed record Spent(string BotId, double Cost, DateTime At);
}
