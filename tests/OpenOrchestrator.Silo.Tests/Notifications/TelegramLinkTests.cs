using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Notifications.Telegram;
using OpenOrchestrator.Silo.Tests.Infrastructure;

namespace OpenOrchestrator.Silo.Tests.Notifications;

[Collection(TelegramCollection.Name)]
public sealed class TelegramLinkTests(TelegramFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ALinkCodeComesWithTheBotsNameAndAStartLink()
    {
        var (client, _) = await fixture.SignUpAsync();

        var code = await LinkCodeAsync(client);

        Assert.Matches("^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$", code.Code);
        Assert.Equal(TelegramFixture.ServerBot, code.BotUsername);
        Assert.Equal($"https://t.me/{TelegramFixture.ServerBot}?start={code.Code}", code.Link);
        Assert.InRange(code.ExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(30));
    }

    [Fact]
    public async Task AUserWithTheirOwnBotGetsItsLinkAndWithoutGetMeStillACode()
    {
        var (client, _) = await fixture.SignUpAsync(ownBotToken: TelegramFixture.UserToken);

        var own = await LinkCodeAsync(client);
        fixture.Telegram.FailNext(500, method: "getMe");
        var renewed = await LinkCodeAsync(client);

        Assert.Equal($"https://t.me/{TelegramFixture.UserBot}?start={own.Code}", own.Link);
        Assert.NotEqual(own.Code, renewed.Code);
        Assert.Null(renewed.BotUsername);
        Assert.Null(renewed.Link);
    }

    [Fact]
    public async Task CheckingBeforeTheStartMessageSaysWhatToDo()
    {
        var (client, _) = await fixture.SignUpAsync();
        var code = await LinkCodeAsync(client);

        var check = await client.PostAsync("/api/settings/telegram/link/check", null);

        await Problems.AssertAsync(check, HttpStatusCode.Conflict, $"No /start message with your code yet: open the link (or send /start {code.Code} to the bot) and try again.");
    }

    [Fact]
    public async Task AStartMessageWithTheCodeLinksThatChatAndConfirmsIt()
    {
        var (client, _) = await fixture.SignUpAsync();
        var code = await LinkCodeAsync(client);
        fixture.Telegram.AddIncoming(5550001, $"/start {code.Code}");

        var settings = await CheckAsync(client);
        var confirmation = await fixture.Telegram.WaitForMessageAsync(m => m.ChatId == "5550001", Deadline);

        Assert.Equal("5550001", settings.TelegramChatId);
        Assert.Equal("5550001", (await client.GetFromJsonAsync<SettingsView>("/api/settings"))!.TelegramChatId);
        Assert.Equal(TelegramLinks.Confirmation, confirmation.Text);
        Assert.Equal(TelegramFixture.ServerToken, confirmation.Token);
        Assert.Equal(0, fixture.Telegram.PendingUpdates());
    }

    [Fact]
    public async Task AWrongCodeAnExpiredCodeOrAGroupChatLinksNothing()
    {
        var (wrong, _) = await fixture.SignUpAsync();
        var (expired, expiredId) = await fixture.SignUpAsync();
        var (group, _) = await fixture.SignUpAsync();
        await LinkCodeAsync(wrong);
        var expiredCode = await LinkCodeAsync(expired);
        var groupCode = await LinkCodeAsync(group);
        await fixture.App.Services.QueryAsync(db => db.Users.Where(u => u.Id == expiredId)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.TelegramLinkExpiresAt, DateTime.UtcNow.AddMinutes(-1))));
        fixture.Telegram.AddIncoming(5550002, "/start WRONG234");
        fixture.Telegram.AddIncoming(5550003, $"/start {expiredCode.Code}");
        fixture.Telegram.AddIncoming(-5550004, $"/start {groupCode.Code}", chatType: "group");

        await Problems.AssertAsync(await wrong.PostAsync("/api/settings/telegram/link/check", null), HttpStatusCode.Conflict, "No /start message with your code yet");
        await Problems.AssertAsync(await expired.PostAsync("/api/settings/telegram/link/check", null), HttpStatusCode.Conflict, "Ask for a new link code");
        await Problems.AssertAsync(await group.PostAsync("/api/settings/telegram/link/check", null), HttpStatusCode.Conflict, "No /start message with your code yet");

        foreach (var client in new[] { wrong, expired, group })
        {
            Assert.Null((await client.GetFromJsonAsync<SettingsView>("/api/settings"))!.TelegramChatId);
        }

        Assert.DoesNotContain(fixture.Telegram.Sent, m => m.ChatId is "5550002" or "5550003" or "-5550004");
    }

    [Fact]
    public async Task AnotherUsersPendingStartIsNotLost()
    {
        var (first, _) = await fixture.SignUpAsync();
        var (second, _) = await fixture.SignUpAsync();
        var firstCode = await LinkCodeAsync(first);
        var secondCode = await LinkCodeAsync(second);
        fixture.Telegram.AddIncoming(5550005, $"/start {secondCode.Code}");
        fixture.Telegram.AddIncoming(5550006, $"/start {firstCode.Code}");

        var firstSettings = await CheckAsync(first);
        var secondSettings = await CheckAsync(second);

        Assert.Equal("5550006", firstSettings.TelegramChatId);
        Assert.Equal("5550005", secondSettings.TelegramChatId);
        Assert.Equal(TelegramLinks.Confirmation, (await fixture.Telegram.WaitForMessageAsync(m => m.ChatId == "5550005", Deadline)).Text);
    }

    [Fact]
    public async Task TheLinkRoutesNeedASignedInUser()
    {
        using var anonymous = fixture.App.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/settings/telegram/link", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/settings/telegram/link/check", null)).StatusCode);
    }

    private static async Task<TelegramLinkCode> LinkCodeAsync(HttpClient client)
    {
        var response = await client.PostAsync("/api/settings/telegram/link", null);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<TelegramLinkCode>())!;
    }

    private static async Task<SettingsView> CheckAsync(HttpClient client)
    {
        var response = await client.PostAsync("/api/settings/telegram/link/check", null);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<SettingsView>())!;
    }
}
