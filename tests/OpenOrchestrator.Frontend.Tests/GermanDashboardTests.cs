using OpenOrchestrator.Frontend.Components;
using OpenOrchestrator.Frontend.Pages;

namespace OpenOrchestrator.Frontend.Tests;

/// <summary>The dashboard and a bot's card in German, with German dates and money; the same card in English is unchanged.</summary>
public sealed class GermanDashboardTests : FrontendContext
{
    private static readonly DateTimeOffset LastDecember = new(2025, 12, 7, 14, 5, 0, TimeSpan.Zero);

    private static BotView Scout() => Bot(BotStatuses.Running, lastRunAt: LastDecember, results: 3) with
    {
        MonthlyBudget = 5,
        Stats = new BotStats(1234, 3, 1, 0.98) { CostThisMonth = 1.25, EstimatedMonthlyCost = 2.5 },
    };

    [Fact]
    public void TheDashboardSpeaksGermanWithTheFoundersWords()
    {
        UseCulture("de-DE");
        Api.On(HttpMethod.Get, "/api/bots", new[] { Scout() })
            .On(HttpMethod.Get, "/api/triggers", Array.Empty<TriggerView>())
            .On(HttpMethod.Get, "/api/activity?limit=50", new ActivityPage([], null));

        var page = Render<Dashboard>();

        page.WaitForAssertion(() => Assert.Equal("Läuft", page.Find(".status-label").TextContent));
        Assert.Equal("Meine Bots", page.Find("h1").TextContent);
        Assert.Contains(page.FindAll("button"), b => b.TextContent.Trim() == "Neuer Bot");
        Assert.Equal(["Verknüpfungen", "Letzte Aktivität"], page.FindAll("h2").Select(h => h.TextContent));
        Assert.Contains("Noch ist nichts passiert.", page.Markup);
    }

    [Fact]
    public void TheCardWritesGermanDatesMoneyAndPlurals()
    {
        UseCulture("de-DE");

        var card = Render<BotCard>(p => p.Add(c => c.Bot, Scout()));

        Assert.Contains("Letzter Lauf: 07.12.2025, 14:05", card.Markup);
        Assert.Contains("3 Ergebnisse", card.Markup);
        Assert.Contains("1,25 $ von 5 $ diesen Monat", card.Markup);
        Assert.Contains("≈ 2,50 $ / Monat", card.Markup);
        Assert.Equal("Budget verbraucht: 25 %", card.Find(".mud-progress-linear").GetAttribute("aria-label"));
        Assert.Equal(["Starten", "Log"], card.FindAll("button, a.mud-button").Select(b => b.TextContent.Trim()));
    }

    [Fact]
    public void OneResultIsSingularInGerman()
    {
        UseCulture("de-DE");

        var card = Render<BotCard>(p => p.Add(c => c.Bot, Bot(results: 1) with { Stats = new BotStats(1, 1, 0, 1) }));

        Assert.Contains("1 Ergebnis<", card.Markup);
        Assert.Contains("Noch nie gelaufen", card.Markup);
    }

    [Fact]
    public void TheSameCardInEnglishStaysAsItWas()
    {
        UseCulture("en-US");

        var card = Render<BotCard>(p => p.Add(c => c.Bot, Scout()));

        Assert.Equal("Running", card.Find(".status-label").TextContent);
        Assert.Contains("Last run: 7 Dec 14:05", card.Markup);
        Assert.Contains("3 results", card.Markup);
        Assert.Contains("$1.25 of $5 this month", card.Markup);
        Assert.Contains("≈ $2.50 / month", card.Markup);
        Assert.Equal("Budget used: 25 %", card.Find(".mud-progress-linear").GetAttribute("aria-label"));
    }
}
