using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Costs;

/// <summary>
/// Whether a budget can cover a bot's runs at all, known in this silo without a grain call: a run no budget
/// covers (most of them) asks its owner's BudgetGrain nothing. A user's own budget is read at most every
/// <see cref="CacheFor"/>; a change made through this silo counts at once, one made through another within that time.
/// </summary>
public sealed class UserBudgets(IDbContextFactory<OrchestratorDbContext> dbFactory, IOptions<BudgetOptions> options, IMemoryCache cache)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public async ValueTask<bool> MayApplyAsync(string ownerId, double? botBudget) =>
        botBudget is not null || options.Value.UserMonthly is not null || await OwnAsync(ownerId) is not null;

    public void Changed(string ownerId) => cache.Remove(Key(ownerId));

    private async ValueTask<double?> OwnAsync(string ownerId)
    {
        if (cache.TryGetValue(Key(ownerId), out double? known))
        {
            return known;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var budget = await StoredSpending.UserBudgetAsync(db, ownerId);
        cache.Set(Key(ownerId), budget, CacheFor);
        return budget;
    }

    private static string Key(string ownerId) => $"budget:{ownerId}";
}
