using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Notifications;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Notifications;

/// <summary>The outbox through the real Telegram channel: one message per run, retries, and failures the bell shows.</summary>
[Collection(TelegramCollection.Name)]
public sealed class TelegramDeliveryTests(TelegramFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private async Task<(HttpClient Client, string ChatId, LiveListener Live)> LinkedUserAsync()
    {
        var (client, _) = await fixture.SignUpAsync();
        var chat = Random.Shared.NextInt64(1_000_000, 9_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await client.PutAsJsonAsync("/api/settings", new SettingsUpdate(chat, null, null, null, null))).EnsureSuccessStatusCode();
        return (client, chat, await LiveListener.ConnectAsync(fixture.App, client));
    }

    private void ScriptOffers(params (string Title, string Url, string? Price)[] offers) => fixture.Model.SetScript(r => r.Round() == 0
        ? ModelReply.ToolCalls([.. offers.Select(o => ModelToolCall.Create("results-report", new { title = o.Title, url = o.Url, price = o.Price }))])
        : ModelReply.Text($"{offers.Length} offers."));

    private static Task<NotificationView> SettledAsync(LiveListener live, string runId) =>
        live.WaitForAsync<NotificationView>(LiveHub.Notification, n => n.RunId == runId && n.Kind != NotificationKinds.DeliveryFailed
            && n.Deliveries.Count > 0 && n.Deliveries.All(d => d.Status is DeliveryStatuses.Sent or DeliveryStatuses.Failed));

    [Fact]
    public async Task ARunSendsOneMessageListingItsNewResultsAndARunWithNothingNewSendsNothing()
    {
        var (client, chat, live) = await LinkedUserAsync();
        await using var _ = live;
        var scout = await client.CreateBotAsync(ApiClient.Spec("eBay-Scout") with { Emoji = "🛒", Notify = [NotifyChannels.Dashboard, NotifyChannels.Telegram] });
        ScriptOffers(("Nike Air Max 90, size 43", "https://shop.example/1", "35 €"), ("Nike Air Max 90, size 43, worn", "https://shop.example/2", null));

        var first = await client.RunAsync(scout.Id);
        var message = await fixture.Telegram.WaitForMessageAsync(m => m.ChatId == chat, Deadline);
        var settled = await SettledAsync(live, first.Id);
        var second = await client.RunAsync(scout.Id);

        Assert.Equal(TelegramFixture.ServerToken, message.Token);
        Assert.Equal(
            "🛒 eBay-Scout: 2 new results\n\n• Nike Air Max 90, size 43 — 35 €\n  https://shop.example/1\n• Nike Air Max 90, size 43, worn\n  https://shop.example/2",
            message.Text);
        Assert.Equal((DeliveryStatuses.Sent, 1), (settled.Deliveries.Single().Status, settled.Deliveries.Single().Attempts));
        Assert.Equal(RunStatuses.Completed, second.Status);
        Assert.False(await fixture.App.Services.QueryAsync(db => db.Notifications.AnyAsync(n => n.RunId == second.Id)));
        Assert.Single(fixture.Telegram.Sent, m => m.ChatId == chat);
    }

    [Fact]
    public async Task ARateLimitedMessageIsSentAgainAfterTelegramsRetryAfter()
    {
        var (client, chat, live) = await LinkedUserAsync();
        await using var _ = live;
        var scout = await client.CreateBotAsync(ApiClient.Spec("Scout") with { Notify = [NotifyChannels.Telegram] });
        ScriptOffers(("Lamp", "https://shop.example/lamp", "20 €"));
        fixture.Telegram.FailNext(429, retryAfter: 1, method: "sendMessage");

        var run = await client.RunAsync(scout.Id);
        var clock = Stopwatch.StartNew();
        var settled = await SettledAsync(live, run.Id);

        var delivery = settled.Deliveries.Single();
        Assert.Equal((DeliveryStatuses.Sent, 2), (delivery.Status, delivery.Attempts));
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"sent again after {clock.Elapsed}, before Telegram's retry_after of 1 s");
        Assert.Single(fixture.Telegram.Sent, m => m.ChatId == chat);
    }

    [Fact]
    public async Task ServerErrorsAreRetriedUpToTheLastTryThenTheBellSaysItFailed()
    {
        var (client, chat, live) = await LinkedUserAsync();
        await using var _ = live;
        var scout = await client.CreateBotAsync(ApiClient.Spec("Scout") with { Notify = [NotifyChannels.Telegram] });
        ScriptOffers(("Chair", "https://shop.example/chair", null));
        for (var i = 0; i < 3; i++)
        {
            fixture.Telegram.FailNext(500, method: "sendMessage");
        }

        var run = await client.RunAsync(scout.Id);
        var settled = await SettledAsync(live, run.Id);
        var notice = await live.WaitForAsync<NotificationView>(LiveHub.Notification, n => n.RunId == run.Id && n.Kind == NotificationKinds.DeliveryFailed);

        var delivery = settled.Deliveries.Single();
        Assert.Equal((DeliveryStatuses.Failed, 3), (delivery.Status, delivery.Attempts));
        Assert.StartsWith("Telegram message not delivered: 🤖 Scout: 1 new result", notice.Title, StringComparison.Ordinal);
        Assert.Contains("(3 tries)", notice.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Telegram.Sent, m => m.ChatId == chat);
    }

    [Fact]
    public async Task ARefusalFailsAtOnceAndAMissingChatIsSaidPlainly()
    {
        var (client, chat, live) = await LinkedUserAsync();
        await using var _ = live;
        var scout = await client.CreateBotAsync(ApiClient.Spec("Scout") with { Notify = [NotifyChannels.Telegram] });
        ScriptOffers(("Desk", "https://shop.example/desk", null));
        fixture.Telegram.FailNext(403, "Forbidden: bot was blocked by the user", method: "sendMessage");

        var blocked = await SettledAsync(live, (await client.RunAsync(scout.Id)).Id);
        (await client.PutAsJsonAsync("/api/settings", new SettingsUpdate("", null, null, null, null))).EnsureSuccessStatusCode();
        ScriptOffers(("Shelf", "https://shop.example/shelf", null));
        var unlinked = await SettledAsync(live, (await client.RunAsync(scout.Id)).Id);

        Assert.Equal((DeliveryStatuses.Failed, 1), (blocked.Deliveries.Single().Status, blocked.Deliveries.Single().Attempts));
        Assert.Contains("bot was blocked by the user", blocked.Deliveries.Single().Error, StringComparison.Ordinal);
        Assert.Equal("No Telegram chat linked: link one in Settings.", unlinked.Deliveries.Single().Error);
        Assert.DoesNotContain(fixture.Telegram.Sent, m => m.ChatId == chat);
    }

    [Fact]
    public async Task ANotifyTriggerOnFailureSendsOneMessageForAFailedRun()
    {
        var (client, chat, live) = await LinkedUserAsync();
        await using var _ = live;
        var bot = await client.CreateBotAsync(ApiClient.Spec("Nightly"));
        (await client.PostAsJsonAsync("/api/triggers", new TriggerSpec { SourceBotId = bot.Id, Event = TriggerEvents.Failed, TargetAction = TargetActions.NotifyTelegram })).EnsureSuccessStatusCode();
        fixture.Model.SetScript(_ => ModelReply.Error(500, "model down"));

        var run = await client.RunAsync(bot.Id);
        var message = await fixture.Telegram.WaitForMessageAsync(m => m.ChatId == chat, Deadline);

        Assert.Equal(RunStatuses.Failed, run.Status);
        Assert.StartsWith("🤖 Nightly: the run failed\n\nError: ", message.Text, StringComparison.Ordinal);
        Assert.Equal(NotificationKinds.RunFailed, (await SettledAsync(live, run.Id)).Kind);
    }

    [Fact]
    public async Task AMessageACrashLeftSendingIsNotSentAgainAndTheBellSaysSo()
    {
        var (client, chat, live) = await LinkedUserAsync();
        await using var _ = live;
        var scout = await client.CreateBotAsync(ApiClient.Spec("Scout") with { Notify = [NotifyChannels.Telegram] });
        ScriptOffers(("Vase", "https://shop.example/vase", null));
        var first = await client.RunAsync(scout.Id);
        await SettledAsync(live, first.Id);

        // As if the silo died between handing the message to Telegram and writing it down.
        await fixture.App.Services.QueryAsync(db => db.Deliveries
            .Where(d => db.Notifications.Any(n => n.Id == d.NotificationId && n.RunId == first.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatuses.Sending).SetProperty(d => d.LeaseUntil, DateTime.UtcNow.AddMinutes(-1))));
        ScriptOffers(("Bowl", "https://shop.example/bowl", null));
        var second = await client.RunAsync(scout.Id);
        var notice = await live.WaitForAsync<NotificationView>(LiveHub.Notification, n => n.RunId == first.Id && n.Kind == NotificationKinds.DeliveryFailed);
        await SettledAsync(live, second.Id);

        Assert.Contains(NotificationOutbox.Interrupted, notice.Text, StringComparison.Ordinal);
        Assert.Equal(["Vase", "Bowl"], fixture.Telegram.Sent.Where(m => m.ChatId == chat).Select(m => m.Text.Split('\n')[2][2..]));
    }

    [Fact]
    public void TheWaitBetweenTriesDoublesUpToItsCapAndHonoursALongerRetryAfter()
    {
        var options = new NotificationOptions { RetryBase = TimeSpan.FromSeconds(10), MaxRetryDelay = TimeSpan.FromMinutes(1) };

        Assert.Equal(TimeSpan.FromSeconds(10), NotificationOutbox.Backoff(1, null, options));
        Assert.Equal(TimeSpan.FromSeconds(40), NotificationOutbox.Backoff(3, null, options));
        Assert.Equal(TimeSpan.FromMinutes(1), NotificationOutbox.Backoff(9, null, options));
        Assert.Equal(TimeSpan.FromSeconds(90), NotificationOutbox.Backoff(1, TimeSpan.FromSeconds(90), options));
        Assert.Equal(TimeSpan.FromSeconds(10), NotificationOutbox.Backoff(1, TimeSpan.FromSeconds(2), options));
        Assert.Equal(TimeSpan.FromDays(1), NotificationOutbox.Backoff(1, TimeSpan.FromDays(3), options));
    }
}
