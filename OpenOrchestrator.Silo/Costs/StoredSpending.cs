using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Costs;

/// <summary>What the database knows of a user's money: their stored runs' cost since a month began, and their own budget.</summary>
public static class StoredSpending
{
    /// <summary>USD by bot of the owner's runs created since <paramref name="month"/> with a known cost, leaving out <paramref name="except"/>.</summary>
    public static Task<Dictionary<string, double>> ByBotAsync(
        OrchestratorDbContext db, string ownerId, DateTime month, IReadOnlyCollection<string> except, CancellationToken cancellationToken = default) =>
        db.Runs
            .Where(r => r.OwnerId == ownerId && r.CreatedAt >= month && r.Cost != null && !except.Contains(r.Id))
            .GroupBy(r => r.BotId)
            .Select(g => new { BotId = g.Key, Cost = g.Sum(r => r.Cost!.Value) })
            .ToDictionaryAsync(g => g.BotId, g => g.Cost, cancellationToken);

    public static Task<double?> UserBudgetAsync(OrchestratorDbContext db, string ownerId, CancellationToken cancellationToken = default) =>
        db.Users.Where(u => u.Id == ownerId).Select(u => u.MonthlyBudget).SingleOrDefaultAsync(cancellationToken);
}
