using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Costs;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Bots;

/// <summary>
/// Reads of bots straight from their rows (the grain writes them through, counters and spending
/// included), always by owner.
/// </summary>
public sealed class BotQueries(IDbContextFactory<OrchestratorDbContext> dbFactory, TimeProvider time)
{
    public async Task<IReadOnlyList<BotView>> ListAsync(string ownerId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var bots = await db.Bots.AsNoTracking().Where(b => b.OwnerId == ownerId).OrderBy(b => b.CreatedAt).ToListAsync(cancellationToken);
        return await WithStatsAsync(db, bots, cancellationToken);
    }

    public async Task<BotView?> GetAsync(string ownerId, string botId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var bots = await db.Bots.AsNoTracking().Where(b => b.Id == botId && b.OwnerId == ownerId).ToListAsync(cancellationToken);
        return (await WithStatsAsync(db, bots, cancellationToken)).SingleOrDefault();
    }

    private async Task<IReadOnlyList<BotView>> WithStatsAsync(OrchestratorDbContext db, List<BotRecord> bots, CancellationToken cancellationToken)
    {
        if (bots.Count == 0)
        {
            return [];
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var uncounted in bots.Where(b => b.SpendingMonth is null))
        {
            // Stored before the grain kept its spending, and not active since: counted here, not saved.
            await BotSpending.CountAsync(db, uncounted, now, cancellationToken);
        }

        return [.. bots.Select(bot => bot.ToView(BotSpending.StatsOf(bot, now)))];
    }
}
