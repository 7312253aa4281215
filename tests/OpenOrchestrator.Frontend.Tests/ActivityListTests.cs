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
}
