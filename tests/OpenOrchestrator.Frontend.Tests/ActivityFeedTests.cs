using Microsoft.Extensions.DependencyInjection;
using OpenOrchestrator.Frontend.Services;

namespace OpenOrchestrator.Frontend.Tests;

public sealed class ActivityFeedTests : FrontendContext
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static ActivityView Entry(long id, DateTimeOffset at) => new(id, "b1", "eBay-Scout", "🛒", null, "run_completed", "1 new result", at);

    [Fact]
    public async Task ALiveEntryIsAddedOnceEvenIfItArrivesTwice()
    {
        Api.On(HttpMethod.Get, "/api/activity?limit=50", new ActivityPage([Entry(1, At.AddMinutes(-30))], null));
        var feed = Services.GetRequiredService<ActivityFeed>();
        await feed.ReloadAsync();

        feed.Add(Entry(2, At.AddMinutes(10)));
        feed.Add(Entry(2, At.AddMinutes(10)));

        Assert.Equal([2L, 1L], feed.Items.Select(i => i.Id));
    }
}
