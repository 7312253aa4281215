using OpenOrchestrator.Frontend.Components;
using OpenOrchestrator.Frontend.Pages;

namespace OpenOrchestrator.Frontend.Tests;

/// <summary>A bot's page, its results and its runs in German: words, plurals, numbers, durations and costs.</summary>
public sealed class GermanBotPageTests : FrontendContext
{
    private static readonly DateTimeOffset LastDecember = new(2025, 12, 7, 14, 5, 0, TimeSpan.Zero);

    private static RunView Run(string id, int newResults, long ms, double? cost) => new(
        id, "b1", RunTriggers.Manual, RunStatuses.Completed, null, "Done.", null, LastDecember, LastDecember, LastDecember.AddMilliseconds(ms), ms,
        new RunUsage(10, 5, 15, 1, 0), new RunCounts(newResults, 0)) { Cost = cost };

    private static readonly ResultView Fresh = new("r1", "b1", "run1", "Cube Attention 29 — 280 €", null, "https://shop.example/cube",
        null, Pinned: true, IsNew: true, ResultStatuses.Reported, LastDecember);

    [Fact]
    public void TheBotPageShowsGermanTilesWithGermanNumbers()
    {
        UseCulture("de-DE");
        Api.On(HttpMethod.Get, "/api/bots", new[] { Bot() with { Stats = new BotStats(1234, 3, 1, 0.98) { CostThisMonth = 1.25 } } })
            .On(HttpMethod.Get, "/api/bots/b1/runs?limit=30", Array.Empty<RunView>())
            .On(HttpMethod.Get, "/api/bots/b1/results?filter=all", Array.Empty<ResultView>());

        var page = Render<BotPage>(p => p.Add(b => b.Id, "b1"));

        page.WaitForElement("h1.name");
        Assert.Contains(page.FindAll("button"), b => b.TextContent.Trim() == "Jetzt starten");
        var tiles = page.FindAll("[role=listitem]").Select(t => t.GetAttribute("aria-label")).ToList();
        Assert.Equal(["Läufe: 1.234", "Ergebnisse: 3", "Neue Ergebnisse: 1", "Erfolgsquote: 98 %", "Kosten diesen Monat: 1,25 $"], tiles);
        page.WaitForAssertion(() => Assert.Contains("Dieser Bot ist noch nie gelaufen.", page.Markup));
    }

    [Fact]
    public void ResultsAreFilteredAndTaggedInGerman()
    {
        UseCulture("de-DE");
        Api.On(HttpMethod.Get, "/api/bots/b1/results?filter=all", new[] { Fresh });

        var panel = Render<ResultsPanel>(p => p.Add(r => r.BotId, "b1"));

        panel.WaitForAssertion(() => Assert.Single(panel.FindAll(".results li")));
        Assert.Equal(["Alle", "Neu", "Gemerkt", "Zu prüfen"], panel.FindAll(".filter button").Select(b => b.TextContent.Trim()));
        Assert.Equal(["Neu", "Gemerkt"], panel.FindAll(".tag").Select(t => t.TextContent));
        Assert.Equal("07.12.2025, 14:05", panel.Find(".time").TextContent);
        Assert.Contains(panel.FindAll("button"), b => b.TextContent.Trim() == "Nicht mehr merken");
    }

    [Fact]
    public void PastRunsCountInGermanPluralsWithGermanDurationsAndCosts()
    {
        UseCulture("de-DE");
        Api.On(HttpMethod.Get, "/api/bots/b1/runs?limit=30", new[] { Run("run2", 3, 1500, 0.0123), Run("run1", 1, 800, null) })
            .On(HttpMethod.Get, "/api/runs/run2/log?after=0", Array.Empty<RunLogLine>());

        var panel = Render<RunsPanel>(p => p.Add(r => r.BotId, "b1").Add(r => r.BotNames, new Dictionary<string, string>()));

        panel.WaitForAssertion(() => Assert.Equal(2, panel.FindAll(".runs li").Count));
        var rows = panel.FindAll(".runs li").Select(r => r.TextContent).ToList();
        Assert.Contains("Von Hand gestartet · 3 neue Ergebnisse", rows[0]);
        Assert.Contains("0,0123 $", rows[0]);
        Assert.Contains("Von Hand gestartet · 1 neues Ergebnis", rows[1]);
        Assert.Contains("Abgeschlossen", rows[1]);
        Assert.Contains("· 1,5 s", panel.Find(".run-head").TextContent);
        Assert.Equal("Frühere Läufe", panel.Find("h3").TextContent);
    }
}
