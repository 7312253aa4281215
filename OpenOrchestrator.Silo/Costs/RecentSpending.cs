using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Bots;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Costs;

/// <summary>
/// A bot's spending figures: this month's cost and its recent runs (the last <see cref="CostEstimates.Days"/>),
/// read from the runs of that window only, so the read grows with the bot's recent work, not its history.
/// </summary>
public sealed record RecentSpending(DateTime Month, double MonthCost, int Recent, int RecentPriced, double RecentCost)
{
    /// <summary>A bot without runs in the window.</summary>
    public static RecentSpending Nothing(DateTime now) => new(Money.MonthStart(now), 0, 0, 0, 0);

    /// <summary>Reads the figures of <paramref name="botIds"/> as of <paramref name="now"/>; bots without runs in the window are left out.</summary>
    public static async Task<Dictionary<string, RecentSpending>> ReadAsync(
        OrchestratorDbContext db, IReadOnlyCollection<string> botIds, DateTime now, CancellationToken cancellationToken = default)
    {
        var month = Money.MonthStart(now);
        var recent = now.AddDays(-CostEstimates.Days);
        var since = month < recent ? month : recent;
        return await db.Runs
            .Where(r => botIds.Contains(r.BotId) && r.CreatedAt >= since)
            .GroupBy(r => r.BotId)
            .Select(g => new
            {
                BotId = g.Key,
                MonthCost = g.Sum(r => r.CreatedAt >= month && r.Cost != null ? r.Cost.Value : 0.0),
                Recent = g.Count(r => r.CreatedAt >= recent),
                RecentPriced = g.Count(r => r.CreatedAt >= recent && r.Cost != null),
                RecentCost = g.Sum(r => r.CreatedAt >= recent && r.Cost != null ? r.Cost.Value : 0.0),
            })
            .ToDictionaryAsync(s => s.BotId, s => new RecentSpending(month, s.MonthCost, s.Recent, s.RecentPriced, s.RecentCost), cancellationToken);
    }

    /// <summary>A run was made (it counts toward the pace at once).</summary>
    public RecentSpending Started() => this with { Recent = Recent + 1 };

    /// <summary>A run made at <paramref name="createdAt"/> ended costing <paramref name="cost"/>.</summary>
    public RecentSpending Ended(DateTime createdAt, double? cost) => cost is not { } usd ? this : this with
    {
        MonthCost = createdAt >= Month ? MonthCost + usd : MonthCost,
        RecentPriced = RecentPriced + 1,
        RecentCost = RecentCost + usd,
    };

    /// <summary>The bot's stats from its counters and these figures.</summary>
    public BotStats StatsOf(BotRecord bot, DateTime now)
    {
        var finished = bot.CompletedRuns + bot.UnsuccessfulRuns;
        return new BotStats(
            bot.RunCount,
            bot.ResultCount,
            bot.UnseenResults,
            finished == 0 ? null : Math.Round((double)bot.CompletedRuns / finished, 4))
        {
            CostThisMonth = Math.Round(Money.MonthStart(now) == Month ? MonthCost : 0, 6),
            EstimatedMonthlyCost = RecentPriced > 0
                ? CostEstimates.Monthly(RecentCost / RecentPriced, CostEstimates.RunsPerMonth(bot.ScheduleOf(), now) ?? Recent)
                : null,
        };
    }
}
