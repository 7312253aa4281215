using Cronos;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Schedules;

/// <summary>
/// When a bot's slots fall. Interval slots are spaced from the first one; cron slots follow the
/// bot's time zone (UTC if none) with Cronos' rules: a time that a DST change skips runs once at
/// the jump, a time that occurs twice runs once, at its first occurrence.
/// </summary>
public static class ScheduleCalculator
{
    /// <summary>Five fields (minute precision), or six with seconds first.</summary>
    public static CronExpression? ParseCron(string? cron)
    {
        var text = cron?.Trim() ?? "";
        var format = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        return CronExpression.TryParse(text, format, out var expression) ? expression : null;
    }

    public static bool IsTimed(BotRecord bot) => bot.ScheduleKind is ScheduleKinds.Interval or ScheduleKinds.Cron;

    /// <summary>The first slot strictly after <paramref name="afterUtc"/>; interval slots continue from <paramref name="previousSlot"/>.</summary>
    public static DateTime? Next(BotRecord bot, DateTime afterUtc, DateTime? previousSlot = null)
    {
        switch (bot.ScheduleKind)
        {
            case ScheduleKinds.Interval:
                var every = TimeSpan.FromMinutes(bot.ScheduleEveryMinutes!.Value);
                if (previousSlot is not { } previous)
                {
                    // Slots keep the millisecond they were set in, so bots set up in the same second do not
                    // all fall due at one instant; whole milliseconds are what every database keeps and the
                    // run cause records.
                    var first = afterUtc + every;
                    return first.AddTicks((TimeSpan.TicksPerMillisecond - (first.Ticks % TimeSpan.TicksPerMillisecond)) % TimeSpan.TicksPerMillisecond);
                }

                var steps = previous > afterUtc ? 1 : ((afterUtc - previous).Ticks / every.Ticks) + 1;
                return previous + (every * steps);
            case ScheduleKinds.Cron:
                return ParseCron(bot.Schedule)!.GetNextOccurrence(afterUtc, TimeZone(bot), inclusive: false);
            default:
                return null;
        }
    }

    /// <summary>How many slots lie in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>].</summary>
    public static int SlotsBetween(BotRecord bot, DateTime fromUtc, DateTime toUtc)
    {
        if (toUtc < fromUtc)
        {
            return 0;
        }

        return bot.ScheduleKind switch
        {
            ScheduleKinds.Interval => (int)Math.Min(int.MaxValue, ((toUtc - fromUtc).Ticks / TimeSpan.FromMinutes(bot.ScheduleEveryMinutes!.Value).Ticks) + 1),
            ScheduleKinds.Cron => ParseCron(bot.Schedule)!
                .GetOccurrences(fromUtc, toUtc, TimeZone(bot), fromInclusive: true, toInclusive: true).Take(100_000).Count(),
            _ => 0,
        };
    }

    private static TimeZoneInfo TimeZone(BotRecord bot) =>
        bot.ScheduleTimeZone is { } zone ? TimeZoneInfo.FindSystemTimeZoneById(zone) : TimeZoneInfo.Utc;
}
