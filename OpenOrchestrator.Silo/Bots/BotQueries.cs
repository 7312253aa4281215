using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Bots;

/// <summary>Reads of bots straight from their rows (the grain writes them through), always by owner.</summary>
public sealed class BotQueries(IDbContextFactory<OrchestratorDbContext> dbFactory)
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

    public async Task<bool> ExistsAsync(string ownerId, string botId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Bots.AnyAsync(b => b.Id == botId && b.OwnerId == ownerId, cancellationToken);
    }

    private static async Task<IReadOnlyList<BotView>> WithStatsAsync(OrchestratorDbContext db, List<BotRecord> bots, CancellationToken cancellationToken)
    {
        var ids = bots.Select(b => b.Id).ToList();
        var runs = await db.Runs.Where(r => ids.Contains(r.BotId)).GroupBy(r => r.BotId)
            .Select(g => new
            {
                BotId = g.Key,
                Total = g.Count(),
                Completed = g.Count(r => r.Status == RunStatuses.Completed),
                Unsuccessful = g.Count(r => r.Status == RunStatuses.Failed || r.Status == RunStatuses.TimedOut),
            })
            .ToDictionaryAsync(s => s.BotId, cancellationToken);
        var results = await db.Results.Where(r => ids.Contains(r.BotId)).GroupBy(r => r.BotId)
            .Select(g => new { BotId = g.Key, Total = g.Count(), New = g.Count(r => !r.Seen) })
            .ToDictionaryAsync(s => s.BotId, cancellationToken);

        return [.. bots.Select(bot =>
        {
            var r = runs.GetValueOrDefault(bot.Id);
            var finished = (r?.Completed ?? 0) + (r?.Unsuccessful ?? 0);
            var stats = new BotStats(
                r?.Total ?? 0,
                results.GetValueOrDefault(bot.Id)?.Total ?? 0,
                results.GetValueOrDefault(bot.Id)?.New ?? 0,
                finished == 0 ? null : Math.Round((double)r!.Completed / finished, 4));
            return bot.ToView(stats);
        })];
    }
}
