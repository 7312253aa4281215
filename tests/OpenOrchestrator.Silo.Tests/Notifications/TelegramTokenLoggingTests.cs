using Microsoft.Extensions.DependencyInjection;
using OpenOrchestrator.Silo.Notifications;

namespace OpenOrchestrator.Silo.Tests.Notifications;

[Collection(TelegramCollection.Name)]
public sealed class TelegramTokenLoggingTests(TelegramFixture fixture)
{
    [Fact]
    public async Task BotTokensNeverAppearInLogsWhileSendingFailingOrLinking()
    {
        // The control: an ordinary named client logs its request URL, so a token in a path would show.
        const string canary = "999999:CANARY-token-in-path";
        using var plain = fixture.App.Services.GetRequiredService<IHttpClientFactory>().CreateClient("plain");
        await plain.PostAsync(new Uri($"{fixture.Telegram.BaseUrl}bot{canary}/getMe"), null);
        Assert.Contains(fixture.Logs.Lines, l => l.Contains(canary, StringComparison.Ordinal));

        var (client, userId) = await fixture.SignUpAsync();
        var (ownClient, ownUserId) = await fixture.SignUpAsync(ownBotToken: TelegramFixture.UserToken);
        await fixture.Channel.SendAsync(Message(userId, "Sent."), CancellationToken.None);
        await fixture.Channel.SendAsync(Message(ownUserId, "Sent by my bot."), CancellationToken.None);
        foreach (var code in new[] { 429, 403, 500, 401 })
        {
            fixture.Telegram.FailNext(code, retryAfter: code == 429 ? 1 : null, method: "sendMessage");
            var failure = await Assert.ThrowsAsync<DeliveryException>(() => fixture.Channel.SendAsync(Message(ownUserId, "Fails."), CancellationToken.None));
            Assert.DoesNotContain(TelegramFixture.UserToken, failure.ToString(), StringComparison.Ordinal);
        }

        fixture.Telegram.FailNext(500, method: "getMe");
        Assert.True((await client.PostAsync("/api/settings/telegram/link", null)).IsSuccessStatusCode);
        Assert.True((await ownClient.PostAsync("/api/settings/telegram/link", null)).IsSuccessStatusCode);
        fixture.Telegram.FailNext(502, method: "getUpdates");
        Assert.False((await ownClient.PostAsync("/api/settings/telegram/link/check", null)).IsSuccessStatusCode);
        Assert.False((await client.PostAsync("/api/settings/telegram/link/check", null)).IsSuccessStatusCode);

        var lines = fixture.Logs.Lines;
        Assert.Contains(lines, l => l.Contains("Telegram getMe failed", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Delivered", StringComparison.Ordinal) && l.Contains("4242999", StringComparison.Ordinal));
        foreach (var secret in new[] { TelegramFixture.ServerToken, TelegramFixture.UserToken, "server-SECRET", "user-SECRET" })
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }

    private static OutgoingMessage Message(string userId, string text) =>
        new(userId, "4242999", "Scout", text, $"<p>{text}</p>", Guid.NewGuid().ToString("N"));
}
