using System.Net;
using OpenOrchestrator.Frontend.Pages;

namespace OpenOrchestrator.Frontend.Tests;

public sealed class BotPageTests : FrontendContext
{
    private const string Exhausted = "Budget exceeded: eBay-Scout has used its $5.00 budget for December.";

    private IRenderedComponent<BotPage> RenderPage(BotView bot, params RunView[] runs)
    {
        Api.On(HttpMethod.Get, "/api/bots", new[] { bot })
            .On(HttpMethod.Get, "/api/bots/b1/runs?limit=30", runs)
            .On(HttpMethod.Get, "/api/bots/b1/results?filter=all", Array.Empty<ResultView>());
        var page = Render<BotPage>(p => p.Add(b => b.Id, "b1"));
        page.WaitForElement("h1.name");
        return page;
    }

    private static void RunNow(IRenderedComponent<BotPage> page) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Run now").Click();

    [Fact]
    public void StartingARunOnAnExhaustedBudgetShowsTheServersSentenceUntilClosed()
    {
        Api.OnProblem(HttpMethod.Post, "/api/bots/b1/runs", HttpStatusCode.Conflict, "Budget exceeded", Exhausted, "https://openorchestrator.dev/problems/budget-exceeded");
        var page = RenderPage(Bot() with { MonthlyBudget = 5, Stats = new BotStats(3, 0, 0, 1) { CostThisMonth = 5.01 } });

        RunNow(page);

        page.WaitForAssertion(() => Assert.StartsWith(Exhausted, page.Find("#run-problem .mud-alert-message").TextContent.Trim()));
        Assert.Equal("alert", page.Find("#run-problem").GetAttribute("role"));
        Assert.Contains("Cost this month of its $5 budget: $5.01", page.FindAll("[role=listitem]").Select(t => t.GetAttribute("aria-label")));

        page.Find("#run-problem button[aria-label=Close]").Click();

        Assert.Empty(page.FindAll("#run-problem"));
    }

    [Fact]
    public void AnotherConflictIsNotTakenForABudget()
    {
        Api.OnProblem(HttpMethod.Post, "/api/bots/b1/runs", HttpStatusCode.Conflict, "Already running", "The bot is already running.");
        var page = RenderPage(Bot());

        RunNow(page);

        page.WaitForAssertion(() => Assert.Contains("POST /api/bots/b1/runs", Api.Routes));
        Assert.Empty(page.FindAll("#run-problem"));
    }

    private static RunView Run(string id, double? cost) => new(id, "b1", RunTriggers.Manual, RunStatuses.Completed, null, "Done.", null,
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddSeconds(3), 3000, new RunUsage(4000, 800, 4800, 1, 0), new RunCounts(0, 0))
    { Cost = cost };

    [Fact]
    public void PastRunsShowTheirCostOrADashWhenAPriceIsUnknown()
    {
        var page = RenderPage(Bot(), Run("r2", 0.0123), Run("r1", null));

        page.WaitForAssertion(() => Assert.Equal(["$0.0123", "—"], page.FindAll(".runs .cost").Select(c => c.TextContent)));
    }
}
