using OpenOrchestrator.Frontend.Components;

namespace OpenOrchestrator.Frontend.Tests;

public sealed class ResultsPanelTests : FrontendContext
{
    private static readonly ResultView Fresh = Result("r1", "Nike Air Max 90 — 35 €", isNew: true, pinned: false);
    private static readonly ResultView Kept = Result("r2", "Nike Air Max 97 — 48 €", isNew: false, pinned: true);
    private static readonly ResultView Old = Result("r3", "Adidas Samba — 40 €", isNew: false, pinned: false);

    public ResultsPanelTests()
    {
        Api.On(HttpMethod.Get, "/api/bots/b1/results?filter=all", new[] { Fresh, Kept, Old })
            .On(HttpMethod.Get, "/api/bots/b1/results?filter=new", new[] { Fresh })
            .On(HttpMethod.Get, "/api/bots/b1/results?filter=pinned", new[] { Kept });
    }

    private static ResultView Result(string id, string title, bool isNew, bool pinned) =>
        new(id, "b1", "run1", title, null, $"https://example.com/{id}", null, pinned, isNew, ResultStatuses.Reported, DateTimeOffset.UnixEpoch);

    private static string[] Titles(IRenderedComponent<ResultsPanel> panel) => [.. panel.FindAll(".results .title").Select(t => t.TextContent)];

    private static void Press(IRenderedComponent<ResultsPanel> panel, string filter) =>
        panel.FindAll(".filter button").Single(b => b.TextContent.Trim() == filter).Click();

    [Fact]
    public void AllShowsEveryResultWithItsBadges()
    {
        var panel = Render<ResultsPanel>(p => p.Add(r => r.BotId, "b1"));

        panel.WaitForAssertion(() => Assert.Equal([Fresh.Title, Kept.Title, Old.Title], Titles(panel)));
        var items = panel.FindAll(".results li");
        Assert.Contains("New", items[0].TextContent);
        Assert.DoesNotContain("Pinned", items[0].TextContent);
        Assert.Contains("Pinned", items[1].TextContent);
        Assert.Equal("true", panel.FindAll(".filter button").Single(b => b.TextContent.Trim() == "All").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void NewShowsOnlyTheResultsNotSeenYet()
    {
        var panel = Render<ResultsPanel>(p => p.Add(r => r.BotId, "b1"));
        panel.WaitForAssertion(() => Assert.Equal(3, Titles(panel).Length));

        Press(panel, "New");

        panel.WaitForAssertion(() => Assert.Equal([Fresh.Title], Titles(panel)));
        Assert.Equal("true", panel.FindAll(".filter button").Single(b => b.TextContent.Trim() == "New").GetAttribute("aria-pressed"));
        Assert.Equal("false", panel.FindAll(".filter button").Single(b => b.TextContent.Trim() == "All").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void PinnedShowsOnlyThePinnedResultsAndAllBringsTheRestBack()
    {
        var panel = Render<ResultsPanel>(p => p.Add(r => r.BotId, "b1"));
        panel.WaitForAssertion(() => Assert.Equal(3, Titles(panel).Length));

        Press(panel, "Pinned");
        panel.WaitForAssertion(() => Assert.Equal([Kept.Title], Titles(panel)));
        Press(panel, "All");

        panel.WaitForAssertion(() => Assert.Equal(3, Titles(panel).Length));
        Assert.Equal(
            ["GET /api/bots/b1/results?filter=all", "GET /api/bots/b1/results?filter=pinned", "GET /api/bots/b1/results?filter=all"],
            Api.Routes);
    }

    [Fact]
    public void AnEmptyFilterSaysWhatIsMissing()
    {
        Api.On(HttpMethod.Get, "/api/bots/b1/results?filter=pinned", Array.Empty<ResultView>());
        var panel = Render<ResultsPanel>(p => p.Add(r => r.BotId, "b1"));
        panel.WaitForAssertion(() => Assert.Equal(3, Titles(panel).Length));

        Press(panel, "Pinned");

        panel.WaitForAssertion(() => Assert.Contains("Nothing pinned yet.", panel.Markup));
        Assert.Empty(Titles(panel));
    }

    [Fact]
    public void PinningAResultMarksItPinned()
    {
        Api.On(HttpMethod.Post, "/api/results/r3/pin", Old with { Pinned = true });
        var panel = Render<ResultsPanel>(p => p.Add(r => r.BotId, "b1"));
        panel.WaitForAssertion(() => Assert.Equal(3, Titles(panel).Length));

        panel.FindAll(".results li")[2].QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Pin").Click();

        panel.WaitForAssertion(() => Assert.Contains("Pinned", panel.FindAll(".results li")[2].TextContent));
        Assert.Equal("Unpin", panel.FindAll(".results li")[2].QuerySelector("button")!.TextContent.Trim());
        Assert.Contains("POST /api/results/r3/pin", Api.Routes);
    }

    private static readonly ResultView Draft = Result("d1", "Re: Where is my parcel?", isNew: true, pinned: false) with
    {
        Status = ResultStatuses.AwaitingApproval,
        Content = "Hello Kim, it arrives on Friday.",
        Metadata = new Dictionary<string, string> { ["to"] = "kim@example.com" },
    };

    [Fact]
    public void ADraftToApproveShowsItsRecipientAndLeavesTheListOnceApproved()
    {
        Api.On(HttpMethod.Get, "/api/bots/b1/results?filter=awaiting", new[] { Draft })
            .On(HttpMethod.Post, "/api/results/d1/approve", Draft with { Status = ResultStatuses.Approved, IsNew = false });
        var panel = Render<ResultsPanel>(p => p.Add(r => r.BotId, "b1"));
        panel.WaitForAssertion(() => Assert.Equal(3, Titles(panel).Length));

        Press(panel, "To approve");
        panel.WaitForAssertion(() => Assert.Equal([Draft.Title], Titles(panel)));
        var item = panel.Find(".results li");
        Assert.Contains("To: kim@example.com", item.TextContent);
        Assert.Contains("Awaiting approval", item.TextContent);
        item.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Approve and send").Click();

        panel.WaitForAssertion(() => Assert.Contains("Nothing waits for your approval.", panel.Markup));
        Assert.Contains("POST /api/results/d1/approve", Api.Routes);
    }

    [Fact]
    public void RejectingADraftUnderAllMarksItRejectedAndRemovesTheButtons()
    {
        Api.On(HttpMethod.Get, "/api/bots/b1/results?filter=all", new[] { Draft, Old })
            .On(HttpMethod.Post, "/api/results/d1/reject", Draft with { Status = ResultStatuses.Rejected, IsNew = false });
        var panel = Render<ResultsPanel>(p => p.Add(r => r.BotId, "b1"));
        panel.WaitForAssertion(() => Assert.Equal(2, Titles(panel).Length));

        panel.FindAll(".results li")[0].QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Reject").Click();

        panel.WaitForAssertion(() => Assert.Contains("Rejected", panel.FindAll(".results li")[0].TextContent));
        Assert.DoesNotContain(panel.FindAll(".results li")[0].QuerySelectorAll("button"), b => b.TextContent.Trim() is "Approve and send" or "Reject");
    }
}
