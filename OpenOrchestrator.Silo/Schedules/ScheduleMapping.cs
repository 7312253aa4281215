using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Schedules;

public static class ScheduleMapping
{
    /// <summary>The schedule as its bot's row stores it, in the shape the API shows and takes.</summary>
    public static ScheduleSpec ScheduleOf(this BotRecord bot) => new()
    {
        Kind = bot.ScheduleKind,
        EveryMinutes = bot.ScheduleEveryMinutes,
        Cron = bot.Schedule,
        TimeZone = bot.ScheduleTimeZone,
        AfterBotId = bot.ScheduleAfterBotId,
    };
}
