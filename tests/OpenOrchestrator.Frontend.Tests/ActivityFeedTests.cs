using Microsoft.Extensions.DependencyInjection;
using OpenOrchestrator.Frontend.Services;

namespace OpenOrchestrator.Frontend.Tests;

public sealed class ActivityFeedTests : FrontendContext
{
    private static readonly DateTimeOffset Opened = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static ActivityView Entry(long id, DateTimeOffset at) => new(id, "b1", "eBay-Scout", "🛒", null, "run_completed", "1 new result", at);

    private ActivityFeed Feed(params ActivityView[] items)
    {
        Api.On(HttpMethod.Get, "/api/activity?limit=50", new ActivityPage(items, null));
        JSInterop.Setup<string?>("localStorage.getItem", "oo.bell.lastOpened:ben@example.com").SetResult(Opened.ToString("O"));
        var feed = Services.GetRequiredService<ActivityFeed>();
        feed.User = "ben@example.com";
        return feed;
    }

    [Fact]
    public async Task UnreadCountsOnlyWhatCameAfterTheBellWasLastOpened()
    {
        var feed = Feed(Entry(3, Opened.AddMinutes(5)), Entry(2, Opened.AddMinutes(1)), Entry(1, Opened.AddMinutes(-30)));

        await feed.ReloadAsync();

        Assert.Equal(2, feed.Unread);
    }

    [Fact]
    public async Task ALiveNotificationAddsOneUnreadOnceEvenIfItArrivesTwice()
    {
        var feed = Feed(Entry(1, Opened.AddMinutes(-30)));
        await feed.ReloadAsync();

        feed.Add(Entry(2, Opened.AddMinutes(10)));
        feed.Add(Entry(2, Opened.AddMinutes(10)));

        Assert.Equal(1, feed.Unread);
        Assert.Equal([2L, 1L], feed.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task OpeningTheBellClearsTheCountAndRemembersWhen()
    {
        var feed = Feed(Entry(1, Opened.AddMinutes(5)));
        await feed.ReloadAsync();

        await feed.MarkOpenedAsync();

        Assert.Equal(0, feed.Unread);
        var stored = JSInterop.VerifyInvoke("localStorage.setItem");
        Assert.Equal("oo.bell.lastOpened:ben@example.com", stored.Arguments[0]);
    }
}
