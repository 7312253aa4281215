using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Costs;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Bots;

/// <summary>Reads of bots straight from their rows (the grain writes them through), always by owner.</summary>
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

    public async Task<bool> ExistsAsync(string ownerId, string botId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Bots.AnyAsync(b => b.Id == botId && b.OwnerId == ownerId, cancellationToken);
    }

    private async Task<IReadOnlyList<BotView>> WithStatsAsync(OrchestratorDbContext db, List<BotRecord> bots, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var month = Money.MonthStart(now);
        var recent = now.AddDays(-CostEstimates.Days);
        var ids = bots.Select(b => b.Id).ToList();
        var runs = await db.Runs.Where(r => ids.Contains(r.BotId)).GroupBy(r => r.BotId)
            .Select(g => new
            {
                BotId = g.Key,
                Total = g.Count(),
                Completed = g.Count(r => r.Status == RunStatuses.Completed),
                Unsuccessful = g.Count(r => r.Status == RunStatuses.Failed || r.Status == RunStatuses.TimedOut),
                MonthCost = g.Sum(r => r.CreatedAt >= month && r.Cost != null ? r.Cost.Value : 0.0),
                Recent = g.Count(r => r.CreatedAt >= recent),
                RecentPriced = g.Count(r => r.CreatedAt >= recent && r.Cost != null),
                RecentCost = g.Sum(r => r.CreatedAt >= recent && r.Cost != null ? r.Cost.Value : 0.0),
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
                finished == 0 ? null : Math.Round((double)r!.Completed / finished, 4))
            {
                CostThisMonth = Math.Round(r?.MonthCost ?? 0, 6),
                EstimatedMonthlyCost = r is { RecentPriced: > 0 }
                    ? CostEstimates.Monthly(r.RecentCost / r.RecentPriced, CostEstimates.RunsPerMonth(bot.ScheduleOf(), now) ?? r.Recent)
                    : null,
            };
            return bot.ToView(stats);
        })];
    }
}
