using System.Net.Http.Json;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.EndToEnd.Tests;

/// <summary>A Telegram message waiting for its next try when the process stops is sent after the start, once.</summary>
public sealed class DeliveryDurabilityTests : IAsyncLifetime
{
    private const string Token = "515151:durable-token";
    private const long Chat = 7_000_001;
    private readonly SiloEnvironment _env = new();
    private FakeTelegramServer _telegram = null!;

    public async Task InitializeAsync()
    {
        await _env.InitializeAsync();
        _telegram = await FakeTelegramServer.StartAsync(new TelegramBotIdentity(Token, "oo_durable_bot"));
    }

    public async Task DisposeAsync()
    {
        await _telegram.DisposeAsync();
        await _env.DisposeAsync();
    }

    [Fact]
    public Task AMessageWaitingToBeRetriedIsSentOnceAfterSigterm() => StopWhileWaitingAsync(silo => silo.TerminateAsync());

    [Fact]
    public Task AMessageWaitingToBeRetriedIsSentOnceAfterKill() => StopWhileWaitingAsync(silo => silo.KillAsync());

    private async Task StopWhileWaitingAsync(Func<SiloProcess, Task> stop)
    {
        var variables = _env.Variables(
            ("Telegram__BotToken", Token),
            ("Telegram__ApiBaseUrl", _telegram.BaseUrl.ToString()),
            ("Notifications__RetryBase", "00:00:03"));
        _env.Model.SetScript(r => r.Round() == 0
            ? ModelReply.ToolCalls(ModelToolCall.Create("results-report", new { title = "Lamp", url = "https://shop.example/lamp", price = "20 €" }))
            : ModelReply.Text("1 offer."));
        _telegram.FailNext(500, method: "sendMessage");
        HttpClient client;
        string runId;
        await using (var silo = await SiloProcess.StartAsync(_env.DataPath, variables))
        {
            client = silo.CreateClient();
            await client.SignUpAsync("durable@example.com");
            (await client.PutAsJsonAsync("/api/settings", new SettingsUpdate($"{Chat}", null, null, null, null))).EnsureSuccessStatusCode();
            await using var live = await LiveNotifications.ConnectAsync(silo.BaseUrl, client);
            var bot = await client.CreateBotAsync(ApiClient.Spec("Scout") with { Notify = [NotifyChannels.Telegram] });
            runId = (await client.RunAsync(bot.Id)).Id;

            // The first try has failed and its next one is a few seconds away: stop now.
            var waiting = await live.WaitForAsync(n => n.RunId == runId && n.Deliveries is [{ Status: DeliveryStatuses.Pending, Attempts: 1 }], TimeSpan.FromSeconds(30));
            Assert.Contains("(500)", waiting.Deliveries[0].Error, StringComparison.Ordinal);
            await stop(silo);
        }

        Assert.Empty(_telegram.Sent);
        await using var restarted = await SiloProcess.StartAsync(_env.DataPath, variables);
        var again = restarted.CreateClient();
        again.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
        await using var listener = await LiveNotifications.ConnectAsync(restarted.BaseUrl, again);
        var message = await _telegram.WaitForMessageAsync(1, TimeSpan.FromSeconds(30));

        // Marked sent before the listener connected (then the page says so), or after (then the listener hears it).
        var page = (await again.GetFromJsonAsync<NotificationsPage>("/api/notifications"))!;
        var sent = page.Items.Single(n => n.RunId == runId) is { Deliveries: [{ Status: DeliveryStatuses.Sent }] } done ? done
            : await listener.WaitForAsync(n => n.RunId == runId && n.Deliveries is [{ Status: DeliveryStatuses.Sent }], TimeSpan.FromSeconds(30));

        Assert.Equal($"{Chat}", message.ChatId);
        Assert.StartsWith("🤖 Scout: 1 new result", message.Text, StringComparison.Ordinal);
        Assert.Equal(2, sent.Deliveries[0].Attempts);
        Assert.Single(_telegram.Sent);
    }
}
