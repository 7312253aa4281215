using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Schedules;

namespace OpenOrchestrator.Silo.Costs;

/// <summary>What a bot will cost a month at its pace: a run's cost × the runs its schedule makes in 30 days.</summary>
public static class CostEstimates
{
    /// <summary>The days "recent runs" and "a month" mean here.</summary>
    public const int Days = 30;

    /// <summary>A typical agent run when a bot has no priced run yet: two model calls with tools and a page read between.</summary>
    public const int TypicalPromptTokens = 6_000;
    public const int TypicalCompletionTokens = 1_000;

    /// <summary>Runs in 30 days by the schedule; for a manual or 'after' bot, null (its pace is what it did: the caller counts).</summary>
    public static double? RunsPerMonth(ScheduleSpec schedule, DateTime now)
    {
        switch (schedule.Kind)
        {
            case ScheduleKinds.Interval when schedule.EveryMinutes is > 0 and var every:
                return Days * 24 * 60 / (double)every;
            case ScheduleKinds.Cron when ScheduleCalculator.ParseCron(schedule.Cron) is { } cron:
                var zone = schedule.TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found : TimeZoneInfo.Utc;
                return cron.GetOccurrences(now, now.AddDays(Days), zone).Take(100_000).Count();
            default:
                return null;
        }
    }

    public static double? Monthly(double? costPerRun, double? runsPerMonth) => costPerRun * runsPerMonth is { } monthly ? Math.Round(monthly, 6) : null;
}
