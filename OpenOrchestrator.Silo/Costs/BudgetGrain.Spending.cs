namespace OpenOrchestrator.Silo.Costs;

public sealed partial class BudgetGrain
{
    /// <summary>This month's spending of the user and of one bot: stored runs, runs still going, calls under way.</summary>
    private async Task<Spending> SpendingAsync(string botId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (runId, _) in _live.Where(l => now - l.Value.At > LiveFor).ToList())
        {
            _live.Remove(runId);
        }

        var month = Money.MonthStart(now);
        await using var db = await dbFactory.CreateDbContextAsync();
        var live = _live.Keys.ToList();
        var stored = await StoredSpending.ByBotAsync(db, OwnerId, month, live);
        var user = stored.Values.Sum() + _live.Values.Sum(l => l.Cost) + _held.Values.Sum(h => h.Amount);
        var bot = stored.GetValueOrDefault(botId)
            + _live.Values.Where(l => l.BotId == botId).Sum(l => l.Cost) + _held.Values.Where(h => h.BotId == botId).Sum(h => h.Amount);
        return new Spending(user, bot, now);
    }

    /// <summary>Every budget that covers the bot, the tightest first: the bot's own, the user's, the server's cap.</summary>
    private IEnumerable<Budget> Budgets(double? botBudget)
    {
        if (botBudget is { } bot) yield return new Budget(BudgetScope.Bot, bot, "this bot's monthly budget");
        if (_userBudget is { } user) yield return new Budget(BudgetScope.User, user, "your monthly budget");
        if (options.Value.UserMonthly is { } cap) yield return new Budget(BudgetScope.Server, cap, "the server's monthly cap per user (Budgets__UserMonthly)");
    }

    /// <summary>Why a call estimated at <paramref name="estimate"/> may not be made (any spending at all, for a start at 0), else null.</summary>
    private string? Refusal(Spending spending, double? botBudget, double estimate)
    {
        foreach (var budget in Budgets(botBudget))
        {
            var spent = spending.Of(budget.Scope);
            if (estimate <= 0 ? spent >= budget.Limit : spent + estimate > budget.Limit)
            {
                var left = Math.Max(0, budget.Limit - spent);
                return estimate <= 0
                    ? $"Budget exceeded: {budget.Name} of {Money.Amount(budget.Limit)} is used up ({Money.Format(spent)} spent in {spending.At:MMMM yyyy})."
                    : $"Budget exceeded: the next model call could cost up to {Money.Format(estimate)}, and {budget.Name} of {Money.Amount(budget.Limit)} has {Money.Format(left)} left this month.";
            }
        }

        return null;
    }
}

public enum BudgetScope
{
    Bot,
    User,
    Server,
}

public sealed record Budget(BudgetScope Scope, double Limit, string Name);

public sealed record Spending(double User, double Bot, DateTime At)
{
    public double Of(BudgetScope scope) => scope == BudgetScope.Bot ? Bot : User;
}
