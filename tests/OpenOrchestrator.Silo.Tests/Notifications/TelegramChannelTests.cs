using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenOrchestrator.Silo.Accounts;
using OpenOrchestrator.Silo.Notifications;
using OpenOrchestrator.Silo.Notifications.Telegram;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Notifications;

[Collection(TelegramCollection.Name)]
public sealed class TelegramChannelTests(TelegramFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AMessageArrivesAsPlainTextInTheOwnersChatThroughTheServersBot()
    {
        var (_, userId) = await fixture.SignUpAsync();
        const string text = "3 new results from Scout:\n• Lamp < 20 € & *free* shipping_now [link](https://shop.example/lamp)";

        await fixture.Channel.SendAsync(Message(userId, "4242001", text), CancellationToken.None);
        var sent = await fixture.Telegram.WaitForMessageAsync(m => m.ChatId == "4242001", Deadline);

        Assert.Equal(text, sent.Text);
        Assert.Equal(TelegramFixture.ServerToken, sent.Token);
        Assert.Null(sent.ParseMode);
        Assert.True(sent.LinkPreviewDisabled);
        Assert.Equal("telegram", fixture.Channel.Name);
    }

    [Fact]
    public async Task AUsersOwnBotTokenSendsThroughTheirBot()
    {
        var (_, userId) = await fixture.SignUpAsync(ownBotToken: TelegramFixture.UserToken);

        await fixture.Channel.SendAsync(Message(userId, "4242002", "From my own bot."), CancellationToken.None);
        var sent = await fixture.Telegram.WaitForMessageAsync(m => m.ChatId == "4242002", Deadline);

        Assert.Equal(TelegramFixture.UserToken, sent.Token);
        Assert.Equal("From my own bot.", sent.Text);
    }

    [Fact]
    public async Task TooManyRequestsIsATransientFailureWithTelegramsRetryAfter()
    {
        var (_, userId) = await fixture.SignUpAsync();
        fixture.Telegram.FailNext(429, retryAfter: 7, method: "sendMessage");

        var failure = await Assert.ThrowsAsync<DeliveryException>(() => fixture.Channel.SendAsync(Message(userId, "4242003", "Slow down."), CancellationToken.None));

        Assert.False(failure.Permanent);
        Assert.Equal(TimeSpan.FromSeconds(7), failure.RetryAfter);
        Assert.DoesNotContain(fixture.Telegram.Sent, m => m.ChatId == "4242003");
    }

    [Theory]
    [InlineData(403, "Forbidden: bot was blocked by the user", "Telegram refused: bot was blocked by the user (403)")]
    [InlineData(400, "Bad Request: chat not found", "Telegram refused: chat not found (400)")]
    [InlineData(401, "Unauthorized", "Telegram refused: the bot token was not accepted (401)")]
    public async Task ARefusalIsAPermanentFailureThatSaysWhy(int code, string description, string expected)
    {
        var (_, userId) = await fixture.SignUpAsync();
        fixture.Telegram.FailNext(code, description, method: "sendMessage");

        var failure = await Assert.ThrowsAsync<DeliveryException>(() => fixture.Channel.SendAsync(Message(userId, "4242004", "Hello?"), CancellationToken.None));

        Assert.True(failure.Permanent);
        Assert.Null(failure.RetryAfter);
        Assert.Equal(expected, failure.Message);
    }

    [Fact]
    public async Task AServerErrorIsTransient()
    {
        var (_, userId) = await fixture.SignUpAsync();
        fixture.Telegram.FailNext(500, method: "sendMessage");

        var failure = await Assert.ThrowsAsync<DeliveryException>(() => fixture.Channel.SendAsync(Message(userId, "4242005", "Again."), CancellationToken.None));

        Assert.False(failure.Permanent);
        Assert.Null(failure.RetryAfter);
        Assert.Equal("Telegram failed: Internal Server Error (500)", failure.Message);
    }

    [Fact]
    public async Task AnUnreachableServerIsTransient()
    {
        var (_, userId) = await fixture.SignUpAsync();
        var channel = ChannelWith(new TelegramOptions { BotToken = TelegramFixture.ServerToken, ApiBaseUrl = $"http://127.0.0.1:{Ports.Free()}" });

        var failure = await Assert.ThrowsAsync<DeliveryException>(() => channel.SendAsync(Message(userId, "4242006", "Anyone?"), CancellationToken.None));

        Assert.False(failure.Permanent);
        Assert.Equal("Telegram could not be reached.", failure.Message);
    }

    [Fact]
    public async Task WithoutAnyBotTokenTheFailureIsPermanentAndSaysWhatToSet()
    {
        var (_, userId) = await fixture.SignUpAsync();
        var channel = ChannelWith(new TelegramOptions { ApiBaseUrl = fixture.Telegram.BaseUrl.ToString() });

        var failure = await Assert.ThrowsAsync<DeliveryException>(() => channel.SendAsync(Message(userId, "4242007", "Nobody to send it."), CancellationToken.None));

        Assert.True(failure.Permanent);
        Assert.Equal("No Telegram bot token: set Telegram__BotToken or a bot token in Settings.", failure.Message);
    }

    [Fact]
    public async Task ALongTextIsCutAtALineUnderTelegramsLimitAndSaysSo()
    {
        var (_, userId) = await fixture.SignUpAsync();
        var lines = Enumerable.Range(1, 300).Select(i => $"Result {i:D3}: a lamp, a chair and a table for sale.").ToList();
        var text = string.Join('\n', lines);

        await fixture.Channel.SendAsync(Message(userId, "4242008", text), CancellationToken.None);
        var sent = await fixture.Telegram.WaitForMessageAsync(m => m.ChatId == "4242008", Deadline);

        Assert.True(text.Length > 4096);
        Assert.InRange(sent.Text.Length, 3500, 4096);
        Assert.EndsWith("\n\n… (cut here: the whole text is in OpenOrchestrator)", sent.Text, StringComparison.Ordinal);
        var kept = sent.Text[..sent.Text.IndexOf("\n\n…", StringComparison.Ordinal)].Split('\n');
        Assert.Equal(lines.Take(kept.Length), kept);
    }

    private TelegramChannel ChannelWith(TelegramOptions options)
    {
        var services = fixture.App.Services;
        var bots = new TelegramBots(services.GetRequiredService<IHttpClientFactory>(), Options.Create(options), services.GetRequiredService<SecretStore>());
        return new TelegramChannel(bots, services.GetRequiredService<ILogger<TelegramChannel>>());
    }

    private static OutgoingMessage Message(string userId, string chatId, string text) =>
        new(userId, chatId, "Scout found 3 results", text, $"<p>{text}</p>", Guid.NewGuid().ToString("N"));
}
