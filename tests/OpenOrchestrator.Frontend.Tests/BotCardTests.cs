using OpenOrchestrator.Frontend.Components;

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
}
