using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Schedules;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Tests.Schedules;

public sealed class ScheduleCalculatorTests
{
    private static BotRecord Cron(string cron, string? zone = null) => new()
    {
        Id = "b", OwnerId = "o", Name = "n", Prompt = "p", Model = "m", DocsPath = "d",
        ScheduleKind = ScheduleKinds.Cron, Schedule = cron, ScheduleTimeZone = zone,
    };

    private static BotRecord Interval(int minutes) => new()
    {
        Id = "b", OwnerId = "o", Name = "n", Prompt = "p", Model = "m", DocsPath = "d",
        ScheduleKind = ScheduleKinds.Interval, ScheduleEveryMinutes = minutes,
    };

    private static DateTime Utc(string text) => DateTime.SpecifyKind(DateTime.Parse(text), DateTimeKind.Utc);

    [Fact]
    public void IntervalSlotsKeepTheirSpacingAcrossGaps()
    {
        var bot = Interval(30);

        Assert.Equal(Utc("2026-11-24 08:30"), ScheduleCalculator.Next(bot, Utc("2026-11-24 08:00")));
        Assert.Equal(Utc("2026-11-24 09:00"), ScheduleCalculator.Next(bot, Utc("2026-11-24 08:30"), Utc("2026-11-24 08:30")));
        Assert.Equal(Utc("2026-11-24 11:00"), ScheduleCalculator.Next(bot, Utc("2026-11-24 10:47"), Utc("2026-11-24 08:30")));
        Assert.Equal(5, ScheduleCalculator.SlotsBetween(bot, Utc("2026-11-24 08:30"), Utc("2026-11-24 10:47")));
    }

    [Fact]
    public void AnIntervalsFirstSlotKeepsTheMillisecondItWasSetIn()
    {
        Assert.Equal(Utc("2026-11-24 08:30:00.250"), ScheduleCalculator.Next(Interval(30), Utc("2026-11-24 08:00:00.250")));
        Assert.Equal(Utc("2026-11-24 08:30:00.251"), ScheduleCalculator.Next(Interval(30), Utc("2026-11-24 08:00:00.2501")));
        Assert.Equal(Utc("2026-11-24 08:30:00"), ScheduleCalculator.Next(Interval(30), Utc("2026-11-24 08:00:00")));
    }

    [Fact]
    public void CronFollowsTheBotsTimeZone()
    {
        var bot = Cron("0 9 * * *", "Europe/Berlin");

        Assert.Equal(Utc("2026-11-25 08:00"), ScheduleCalculator.Next(bot, Utc("2026-11-24 08:00")));
        Assert.Equal(Utc("2026-07-01 07:00"), ScheduleCalculator.Next(bot, Utc("2026-06-30 08:00")));
        Assert.Equal(Utc("2026-11-24 09:00"), ScheduleCalculator.Next(Cron("0 9 * * *"), Utc("2026-11-24 08:00")));
    }

    [Fact]
    public void ATimeSkippedByDaylightSavingRunsOnceAtTheJump()
    {
        // 2026-03-29 in Berlin: 02:00 CET jumps to 03:00 CEST, so 02:30 does not exist that day.
        var next = ScheduleCalculator.Next(Cron("30 2 * * *", "Europe/Berlin"), Utc("2026-03-28 12:00"));

        Assert.Equal(Utc("2026-03-29 01:00"), next);
    }

    [Fact]
    public void ATimeThatOccursTwiceRunsOnceAtItsFirstOccurrence()
    {
        // 2026-10-25 in Berlin: 03:00 CEST falls back to 02:00 CET, so 02:30 happens twice.
        var bot = Cron("30 2 * * *", "Europe/Berlin");

        Assert.Equal(Utc("2026-10-25 00:30"), ScheduleCalculator.Next(bot, Utc("2026-10-24 12:00")));
        Assert.Equal(Utc("2026-10-26 01:30"), ScheduleCalculator.Next(bot, Utc("2026-10-25 00:30")));
    }
}
