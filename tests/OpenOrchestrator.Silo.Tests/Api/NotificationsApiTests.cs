using System.Net;
using System.Net.Http.Json;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class NotificationsApiTests(ApiFixture fixture)
{
    [Fact]
    public async Task ARunTellsTheBellOnceWithItsNewResultsAndNothingWhenItFoundNothing()
    {
        var client = await fixture.SignUpAsync();
        var scout = await client.CreateBotAsync(ApiClient.Spec("Scout") with { Emoji = "🛒" });
        fixture.Model.SetScript(r => r.Round() == 0
            ? ModelReply.ToolCalls(
                ModelToolCall.Create("results-report", new { title = "Nike Air Max 90", url = "https://shop.example/1", price = "35 €" }),
                ModelToolCall.Create("results-report", new { title = "Nike Air Max 95", url = "https://shop.example/2" }))
            : ModelReply.Text("2 offers."));

        var first = await client.RunAsync(scout.Id);
        var again = await client.RunAsync(scout.Id);
        var page = (await client.GetFromJsonAsync<NotificationsPage>("/api/notifications"))!;

        var told = Assert.Single(page.Items);
        Assert.Equal(1, page.Unread);
        Assert.Equal((first.Id, scout.Id, "Scout", NotificationKinds.Results), (told.RunId, told.BotId, told.BotName, told.Kind));
        Assert.Equal("🛒 Scout: 2 new results", told.Title);
        Assert.Equal("🛒 Scout: 2 new results\n\n• Nike Air Max 90 — 35 €\n  https://shop.example/1\n• Nike Air Max 95\n  https://shop.example/2", told.Text);
        Assert.Empty(told.Deliveries);
        Assert.Equal(RunStatuses.Completed, again.Status);
    }

    [Fact]
    public async Task AFailedRunIsToldAndReadMarksOnlyTheOwnersNotifications()
    {
        var client = await fixture.SignUpAsync();
        var stranger = await fixture.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec("Broken"));
        fixture.Model.SetScript(_ => ModelReply.Error(500, "model down"));
        await client.RunAsync(bot.Id);
        await client.RunAsync(bot.Id);
        var before = (await client.GetFromJsonAsync<NotificationsPage>("/api/notifications"))!;

        Assert.Equal(2, before.Unread);
        Assert.All(before.Items, n => Assert.Equal(NotificationKinds.RunFailed, n.Kind));
        Assert.StartsWith("🤖 Broken: the run failed\n\nError: ", before.Items[0].Text, StringComparison.Ordinal);

        (await stranger.PostAsJsonAsync("/api/notifications/read", new NotificationsRead([before.Items[0].Id]))).EnsureSuccessStatusCode();
        Assert.Equal(2, (await client.GetFromJsonAsync<NotificationsPage>("/api/notifications"))!.Unread);

        (await client.PostAsJsonAsync("/api/notifications/read", new NotificationsRead([before.Items[0].Id]))).EnsureSuccessStatusCode();
        var after = (await client.GetFromJsonAsync<NotificationsPage>("/api/notifications"))!;
        Assert.Equal(1, after.Unread);
        Assert.Equal([true, false], after.Items.Select(n => n.Read));

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/notifications/read", new NotificationsRead(null))).StatusCode);
        Assert.Equal(0, (await client.GetFromJsonAsync<NotificationsPage>("/api/notifications"))!.Unread);
        await Problems.AssertAsync(
            await client.PostAsJsonAsync("/api/notifications/read", new NotificationsRead([.. Enumerable.Range(1, 501).Select(i => (long)i)])), HttpStatusCode.BadRequest, "At most 500");
    }

    [Fact]
    public async Task TheBellPagesBackwards()
    {
        var client = await fixture.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec("Flaky"));
        fixture.Model.SetScript(_ => ModelReply.Error(502, "down"));
        for (var i = 0; i < 3; i++)
        {
            await client.RunAsync(bot.Id);
        }

        var first = (await client.GetFromJsonAsync<NotificationsPage>("/api/notifications?limit=2"))!;
        var second = (await client.GetFromJsonAsync<NotificationsPage>($"/api/notifications?limit=2&before={first.Next}"))!;

        Assert.Equal(2, first.Items.Count);
        Assert.Single(second.Items);
        Assert.Null(second.Next);
        Assert.True(first.Items[1].Id > second.Items[0].Id);
    }
}
