using OpenOrchestrator.Frontend.Components;

namespace OpenOrchestrator.Frontend.Tests;

public sealed class ActivityListTests : FrontendContext
{
    private static ActivityView Entry(long id) =>
        new(id, "b1", "Scout", "🛒", null, "run_completed", $"run {id}", DateTimeOffset.UnixEpoch.AddMinutes(id));

    private static string[] Messages(IRenderedComponent<ActivityList> list) => [.. list.FindAll(".activity .message").Select(m => m.TextContent)];

    [Fact]
    public void OlderActivityIsReadPageByPageUntilThereIsNoMore()
    {
        Api.On(HttpMethod.Get, "/api/activity?limit=30&before=9", new ActivityPage([Entry(8), Entry(7)], 7))
            .On(HttpMethod.Get, "/api/activity?limit=30&before=7", new ActivityPage([Entry(6)], null));
        var list = Render<ActivityList>(p => p
            .Add(l => l.Items, [Entry(10), Entry(9)])
            .Add(l => l.Loaded, true));

        Assert.Equal(["run 10", "run 9"], Messages(list));
        list.Find("button").Click();
        list.WaitForAssertion(() => Assert.Equal(["run 10", "run 9", "run 8", "run 7"], Messages(list)));
        list.Find("button").Click();
        list.WaitForAssertion(() => Assert.Equal(["run 10", "run 9", "run 8", "run 7", "run 6"], Messages(list)));

        Assert.Empty(list.FindAll("button"));
    }

    [Fact]
    public void ARunThatFoundSomethingShowsTheFoundTitleLinkedToIt()
    {
        var found = Entry(3) with { Message = "2 new results: Done.", ResultTitle = "Nike Air Max 90 — 35€", ResultUrl = "https://shop.example/nike", Results = 2 };
        var list = Render<ActivityList>(p => p.Add(l => l.Items, [found]).Add(l => l.Loaded, true));

        var link = list.Find(".activity .message a.found");
        Assert.Equal("“Nike Air Max 90 — 35€”", link.TextContent);
        Assert.Equal("https://shop.example/nike", link.GetAttribute("href"));
        Assert.Equal(" and 1 more", list.Find(".activity .more").TextContent);
        Assert.DoesNotContain("new results", list.Markup);
    }

    [Fact]
    public void AFoundTitleWithoutAWebLinkIsPlainText()
    {
        var found = Entry(3) with { ResultTitle = "Draft answer to Ben", ResultUrl = "javascript:alert(1)", Results = 1 };
        var list = Render<ActivityList>(p => p.Add(l => l.Items, [found]).Add(l => l.Loaded, true));

        Assert.Empty(list.FindAll(".activity a.found"));
        Assert.Equal("“Draft answer to Ben”", list.Find(".activity .found").TextContent);
        Assert.Empty(list.FindAll(".activity .more"));
    }
}
