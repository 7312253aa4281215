using OpenOrchestrator.Frontend.Components;
using OpenOrchestrator.Frontend.Services;

namespace OpenOrchestrator.Frontend.Tests;

public sealed class BotCardTests : FrontendContext
{
    [Theory]
    [InlineData(BotStatuses.Running, "Running")]
    [InlineData(BotStatuses.Paused, "Paused")]
    [InlineData(BotStatuses.Idle, "Idle")]
    [InlineData(BotStatuses.Failed, "Failed")]
    [InlineData(BotStatuses.Waiting, "Waiting for another bot")]
    public void EachStatusRendersItsLabel(string status, string label)
    {
        var card = Render<BotCard>(p => p.Add(c => c.Bot, Bot(status)));

        Assert.Equal(label, card.Find(".status-label").TextContent);
        Assert.Equal(status, card.Find(".status").GetAttribute("data-status"));
    }

    [Fact]
    public void AWaitingBotNamesTheBotItWaitsFor()
    {
        var bot = Bot(BotStatuses.Waiting, name: "Test-Bot", schedule: new ScheduleSpec { Kind = ScheduleKinds.After, AfterBotId = "b0" });

        var card = Render<BotCard>(p => p.Add(c => c.Bot, bot).Add(c => c.AfterBotName, "Dev-Bot"));

        Assert.Equal("Waiting for Dev-Bot", card.Find(".status-label").TextContent);
    }

    [Fact]
    public void ABotThatNeverRanSaysSoAndCountsNoResults()
    {
        var card = Render<BotCard>(p => p.Add(c => c.Bot, Bot()));

        Assert.Contains("Never run", card.Markup);
        Assert.Contains("0 results", card.Markup);
    }

    [Fact]
    public void ARunningBotCannotBeStartedAgain()
    {
        var card = Render<BotCard>(p => p.Add(c => c.Bot, Bot(BotStatuses.Running)));

        var run = card.FindAll("button").Single(b => b.TextContent.Trim() == "Run");
        Assert.True(run.HasAttribute("disabled"));
    }

    [Fact]
    public void TheAutoSwitchAppearsForScheduledBotsOnly()
    {
        var manual = Render<BotCard>(p => p.Add(c => c.Bot, Bot()));
        var scheduled = Render<BotCard>(p => p.Add(c => c.Bot, Bot(schedule: new ScheduleSpec { Kind = ScheduleKinds.Interval, EveryMinutes = 30 })));

        Assert.DoesNotContain("Auto", manual.Markup);
        Assert.Contains("Auto", scheduled.Markup);
    }

    [Fact]
    public void TurningAutoOffAsksToPauseTheBot()
    {
        (BotView Bot, bool Enabled)? asked = null;
        var card = Render<BotCard>(p => p
            .Add(c => c.Bot, Bot(schedule: new ScheduleSpec { Kind = ScheduleKinds.Interval, EveryMinutes = 30 }))
            .Add(c => c.OnAutoChanged, change => asked = change));

        card.Find("input[type=checkbox]").Change(false);

        Assert.NotNull(asked);
        Assert.False(asked.Value.Enabled);
    }

    [Fact]
    public void TheCardShowsThisMonthsCostOfItsBudgetAndWhereItsPaceLeads()
    {
        var bot = Bot() with { MonthlyBudget = 5, Stats = new BotStats(12, 3, 0, 1) { CostThisMonth = 1.2, EstimatedMonthlyCost = 4.2 } };

        var card = Render<BotCard>(p => p.Add(c => c.Bot, bot));

        Assert.Equal("$1.20 of $5 this month · ≈ $4.20 / month", card.Find(".cost").TextContent);
        Assert.Equal("Budget used: 24 %", card.Find(".mud-progress-linear").GetAttribute("aria-label"));
    }

    [Fact]
    public void ABotWithoutBudgetOrEstimateShowsOnlyWhatItSpent()
    {
        var bot = Bot() with { Stats = new BotStats(1, 0, 0, 1) { CostThisMonth = 0.0042 } };

        var card = Render<BotCard>(p => p.Add(c => c.Bot, bot));

        Assert.Equal("$0.0042 this month", card.Find(".cost").TextContent);
        Assert.Empty(card.FindAll(".mud-progress-linear"));
    }

    [Fact]
    public void AScheduledBotsCardCountsDownToItsNextRun()
    {
        var bot = Bot(schedule: new ScheduleSpec { Kind = ScheduleKinds.Interval, EveryMinutes = 30 }) with { NextRunAt = DateTimeOffset.UtcNow.AddMinutes(12) };

        var card = Render<BotCard>(p => p.Add(c => c.Bot, bot));

        Assert.Equal("Next run in 12 min", card.Find(".next-run").TextContent);
    }

    [Fact]
    public void ABotScheduledAfterAnotherNamesItAsItsNextRun()
    {
        var bot = Bot(BotStatuses.Waiting, schedule: new ScheduleSpec { Kind = ScheduleKinds.After, AfterBotId = "b0" });

        var card = Render<BotCard>(p => p.Add(c => c.Bot, bot).Add(c => c.AfterBotName, "Dev-Bot"));

        Assert.Equal("Next run after Dev-Bot", card.Find(".next-run").TextContent);
    }

    [Fact]
    public void AManualOrPausedBotShowsNoNextRun()
    {
        var manual = Render<BotCard>(p => p.Add(c => c.Bot, Bot()));
        var paused = Render<BotCard>(p => p.Add(c => c.Bot, Bot(BotStatuses.Paused, schedule: new ScheduleSpec { Kind = ScheduleKinds.Interval, EveryMinutes = 30 }, enabled: false)
            with { NextRunAt = DateTimeOffset.UtcNow.AddMinutes(5) }));

        Assert.Empty(manual.FindAll(".next-run"));
        Assert.Empty(paused.FindAll(".next-run"));
    }

    [Theory]
    [InlineData(14, 0, "Next run at 14:00")]
    [InlineData(32, 30, "Next run on 25 Nov at 08:30")]
    [InlineData(8, 0, "Next run now")]
    public void ALaterNextRunSaysItsTimeAndDayWhenNotToday(int hours, int minutes, string expected)
    {
        var now = new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
        var bot = Bot(schedule: new ScheduleSpec { Kind = ScheduleKinds.Cron, Cron = "0 14 * * *" }) with { NextRunAt = now.AddHours(hours - 8).AddMinutes(minutes) };

        Assert.Equal(expected, Display.NextRun(bot, null, now));
    }
}
