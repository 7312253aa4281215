using Microsoft.Extensions.DependencyInjection;
using OpenOrchestrator.Frontend.Services;

namespace OpenOrchestrator.Frontend.Tests;

public sealed class NotificationFeedTests : FrontendContext
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static NotificationView Notice(long id, bool read = false, params DeliveryView[] deliveries) =>
        new(id, "b1", "eBay-Scout", "🛒", "r1", NotificationKinds.Results, "🛒 eBay-Scout: 2 new results", "…", read, At.AddMinutes(id), deliveries);

    private async Task<NotificationFeed> FeedAsync(int unread, params NotificationView[] items)
    {
        Api.On(HttpMethod.Get, "/api/notifications?limit=30", new NotificationsPage(items, unread, null));
        var feed = Services.GetRequiredService<NotificationFeed>();
        await feed.ReloadAsync();
        return feed;
    }

    [Fact]
    public async Task TheUnreadCountIsTheServersAndGrowsByEachNewLiveNotification()
    {
        var feed = await FeedAsync(unread: 1, Notice(2), Notice(1, read: true));

        feed.Add(Notice(3));
        feed.Add(Notice(3));

        Assert.Equal(2, feed.Unread);
        Assert.Equal([3L, 2L, 1L], feed.Items.Select(n => n.Id));
    }

    [Fact]
    public async Task ALiveUpdateReplacesTheNotificationWithItsNewDeliveryState()
    {
        var feed = await FeedAsync(unread: 1, Notice(1, false, new DeliveryView("telegram", null, DeliveryStatuses.Pending, 1, "429", null)));

        feed.Add(Notice(1, false, new DeliveryView("telegram", null, DeliveryStatuses.Sent, 2, null, At)));

        Assert.Equal(DeliveryStatuses.Sent, Assert.Single(Assert.Single(feed.Items).Deliveries).Status);
        Assert.Equal(1, feed.Unread);
    }

    [Fact]
    public async Task MarkingAllReadTellsTheServerAndClearsTheCount()
    {
        var feed = await FeedAsync(unread: 2, Notice(2), Notice(1));
        Api.On(HttpMethod.Post, "/api/notifications/read", null);

        await feed.MarkAllReadAsync();

        Assert.Equal(0, feed.Unread);
        Assert.All(feed.Items, n => Assert.True(n.Read));
        Assert.Contains("POST /api/notifications/read", Api.Routes);
    }
}
