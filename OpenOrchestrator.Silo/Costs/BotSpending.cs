using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Schedules;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Costs;

/// <summary>
/// A bot's spending, kept on its row by its grain as runs are made and end: this month's and last
/// month's runs, priced runs and cost. No read sums a bot's runs, however many it has made.
/// </summary>
public static class BotSpending
{
    /// <summary>Moves the counters to the month of <paramref name="now"/>: this month's become last month's.</summary>
    public static void Roll(BotRecord bot, DateTime now)
    {
        var month = Money.MonthStart(now);
        if (bot.SpendingMonth == month)
        {
            return;
        }

        var followsOn = bot.SpendingMonth == month.AddMonths(-1);
        (bot.LastMonthRuns, bot.LastMonthPricedRuns, bot.LastMonthCost) = followsOn ? (bot.MonthRuns, bot.MonthPricedRuns, bot.MonthCost) : (0, 0, 0);
        (bot.MonthRuns, bot.MonthPricedRuns, bot.MonthCost) = (0, 0, 0);
        bot.SpendingMonth = month;
    }

    /// <summary>A run was made (started or queued).</summary>
    public static void Made(BotRecord bot, DateTime now)
    {
        Roll(bot, now);
        bot.MonthRuns++;
    }

    /// <summary>A run made at <paramref name="createdAt"/> ended costing <paramref name="cost"/>: it counts in the month it was made, as budgets count it.</summary>
    public static void Ended(BotRecord bot, DateTime createdAt, double? cost, DateTime now)
    {
        Roll(bot, now);
        if (cost is not { } usd)
        {
            return;
        }

        if (createdAt >= bot.SpendingMonth)
        {
            (bot.MonthPricedRuns, bot.MonthCost) = (bot.MonthPricedRuns + 1, bot.MonthCost + usd);
        }
        else if (createdAt >= bot.SpendingMonth!.Value.AddMonths(-1))
        {
            (bot.LastMonthPricedRuns, bot.LastMonthCost) = (bot.LastMonthPricedRuns + 1, bot.LastMonthCost + usd);
        }
    }

    /// <summary>Counts this month's and last month's stored runs into the counters: for a bot stored before they were kept.</summary>
    public static async Task CountAsync(OrchestratorDbContext db, BotRecord bot, DateTime now, CancellationToken cancellationToken = default)
    {
        var month = Money.MonthStart(now);
        var last = month.AddMonths(-1);
        var counts = await db.Runs.Where(r => r.BotId == bot.Id && r.CreatedAt >= last).GroupBy(r => r.BotId).Select(g => new
        {
            Runs = g.Count(r => r.CreatedAt >= month),
            Priced = g.Count(r => r.CreatedAt >= month && r.Cost != null),
            Cost = g.Sum(r => r.CreatedAt >= month && r.Cost != null ? r.Cost.Value : 0.0),
            LastRuns = g.Count(r => r.CreatedAt < month),
            LastPriced = g.Count(r => r.CreatedAt < month && r.Cost != null),
            LastCost = g.Sum(r => r.CreatedAt < month && r.Cost != null ? r.Cost.Value : 0.0),
        }).SingleOrDefaultAsync(cancellationToken);
        bot.SpendingMonth = month;
        (bot.MonthRuns, bot.MonthPricedRuns, bot.MonthCost) = (counts?.Runs ?? 0, counts?.Priced ?? 0, counts?.Cost ?? 0);
        (bot.LastMonthRuns, bot.LastMonthPricedRuns, bot.LastMonthCost) = (counts?.LastRuns ?? 0, counts?.LastPriced ?? 0, counts?.LastCost ?? 0);
    }

    /// <summary>
    /// The bot's stats from its counters. The estimate is the average priced run of this month and
    /// the last × the runs its schedule makes in 30 days, or, without a schedule, the runs it made
    /// in those months brought to a 30-day pace.
    /// </summary>
    public static BotStats StatsOf(BotRecord stored, DateTime now)
    {
        var bot = new BotRecord { Id = stored.Id, OwnerId = "", Name = "", Prompt = "", Model = "", DocsPath = "" };
        (bot.SpendingMonth, bot.MonthRuns, bot.MonthPricedRuns, bot.MonthCost) = (stored.SpendingMonth, stored.MonthRuns, stored.MonthPricedRuns, stored.MonthCost);
        (bot.LastMonthRuns, bot.LastMonthPricedRuns, bot.LastMonthCost) = (stored.LastMonthRuns, stored.LastMonthPricedRuns, stored.LastMonthCost);
        Roll(bot, now);

        var finished = stored.CompletedRuns + stored.UnsuccessfulRuns;
        var priced = bot.MonthPricedRuns + bot.LastMonthPricedRuns;
        var counted = now - (stored.CreatedAt > bot.SpendingMonth!.Value.AddMonths(-1) ? stored.CreatedAt : bot.SpendingMonth.Value.AddMonths(-1));
        var pace = (bot.MonthRuns + bot.LastMonthRuns) * CostEstimates.Days / Math.Max(counted.TotalDays, CostEstimates.Days);
        return new BotStats(
            stored.RunCount,
            stored.ResultCount,
            stored.UnseenResults,
            finished == 0 ? null : Math.Round((double)stored.CompletedRuns / finished, 4))
        {
            CostThisMonth = Math.Round(bot.MonthCost, 6),
            EstimatedMonthlyCost = priced > 0
                ? CostEstimates.Monthly((bot.MonthCost + bot.LastMonthCost) / priced, CostEstimates.RunsPerMonth(stored.ScheduleOf(), now) ?? pace)
                : null,
        };
    }
}
