using System.Net;
using System.Net.Http.Json;
using System.Text;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Api;

/// <summary>Every kind of bad request gets a 4xx problem that says what is wrong, and leaves nothing behind.</summary>
[Collection(ApiCollection.Name)]
public sealed class BadInputTests(ApiFixture fixture)
{
    public static TheoryData<string, string> InvalidBots => new()
    {
        { """{"prompt":"Find offers."}""", "needs a name" },
        { """{"name":"  ","prompt":"Find offers."}""", "needs a name" },
        { """{"name":"Scout"}""", "needs a prompt" },
        { $$"""{"name":"{{new string('x', 101)}}","prompt":"p"}""", "at most 100 characters" },
        { """{"name":"Scout","prompt":"p","model":"two words"}""", "may not contain spaces" },
        { """{"name":"Scout","prompt":"p","tools":["teleport"]}""", "Unknown tool 'teleport'" },
        { """{"name":"Scout","prompt":"p","notify":["pigeon"]}""", "Unknown channel 'pigeon'" },
        { """{"name":"Scout","prompt":"p","schedule":{"kind":"sometimes"}}""", "Unknown schedule kind 'sometimes'" },
        { """{"name":"Scout","prompt":"p","schedule":{"kind":"interval"}}""", "needs everyMinutes" },
        { """{"name":"Scout","prompt":"p","schedule":{"kind":"interval","everyMinutes":0}}""", "between 1 and" },
        { """{"name":"Scout","prompt":"p","schedule":{"kind":"cron","cron":"every tuesday"}}""", "not a valid cron expression" },
        { """{"name":"Scout","prompt":"p","schedule":{"kind":"cron"}}""", "needs a cron expression" },
        { """{"name":"Scout","prompt":"p","schedule":{"kind":"cron","cron":"0 9 * * *","timeZone":"Mars/Olympus"}}""", "Unknown time zone 'Mars/Olympus'" },
        { """{"name":"Scout","prompt":"p","schedule":{"kind":"after"}}""", "needs the id of the bot to wait for" },
        { """{"name":"Scout","prompt":"p","schedule":{"kind":"after","afterBotId":"0123456789abcdef0123456789abcdef"}}""", "You have no bot with id" },
        { """{"name":"Scout","prompt":""", "not valid JSON" },
        { """{"name":42,"prompt":"p"}""", "not valid JSON" },
        { """[1,2,3]""", "not valid JSON" },
        { "", "could not be read" },
    };

    [Theory]
    [MemberData(nameof(InvalidBots))]
    public async Task AnInvalidBotIsRefusedWithAProblemThatSaysWhy(string body, string expected)
    {
        var client = await fixture.SignUpAsync();

        var response = await client.PostAsync("/api/bots", new StringContent(body, Encoding.UTF8, "application/json"));

        await Problems.AssertAsync(response, HttpStatusCode.BadRequest, expected);
        Assert.Empty((await client.GetFromJsonAsync<List<BotView>>("/api/bots"))!);
    }

    [Fact]
    public async Task AnInvalidUpdateLeavesTheBotAsItWas()
    {
        var client = await fixture.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec());

        var response = await client.PutAsJsonAsync($"/api/bots/{bot.Id}", new BotSpec { Name = "Renamed", Prompt = "p", Tools = ["teleport"] });

        await Problems.AssertAsync(response, HttpStatusCode.BadRequest, "Unknown tool");
        Assert.Equal("Scout", (await client.GetFromJsonAsync<BotView>($"/api/bots/{bot.Id}"))!.Name);
    }

    [Fact]
    public async Task ABotCannotWaitForItself()
    {
        var client = await fixture.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec());

        var response = await client.PutAsJsonAsync($"/api/bots/{bot.Id}", ApiClient.Spec() with { Schedule = new ScheduleSpec { Kind = ScheduleKinds.After, AfterBotId = bot.Id } });

        await Problems.AssertAsync(response, HttpStatusCode.BadRequest, "cannot wait for itself");
    }

    public static TheoryData<string, string> UnknownIds => new()
    {
        { "GET", "/api/bots/0123456789abcdef0123456789abcdef" },
        { "GET", "/api/bots/not-an-id" },
        { "PUT", "/api/bots/0123456789abcdef0123456789abcdef" },
        { "DELETE", "/api/bots/0123456789abcdef0123456789abcdef" },
        { "POST", "/api/bots/0123456789abcdef0123456789abcdef/runs" },
        { "GET", "/api/bots/0123456789abcdef0123456789abcdef/runs" },
        { "GET", "/api/runs/0123456789abcdef0123456789abcdef" },
        { "GET", "/api/runs/0123456789abcdef0123456789abcdef/log" },
        { "POST", "/api/runs/0123456789abcdef0123456789abcdef/cancel" },
        { "GET", "/api/bots/0123456789abcdef0123456789abcdef/results" },
        { "POST", "/api/bots/0123456789abcdef0123456789abcdef/results/seen" },
        { "POST", "/api/results/0123456789abcdef0123456789abcdef/pin" },
        { "DELETE", "/api/results/0123456789abcdef0123456789abcdef/pin" },
        { "GET", "/api/bots/0123456789abcdef0123456789abcdef/docs" },
        { "GET", "/api/bots/0123456789abcdef0123456789abcdef/docs/notes.md" },
        { "PUT", "/api/bots/0123456789abcdef0123456789abcdef/docs/notes.md" },
        { "DELETE", "/api/bots/0123456789abcdef0123456789abcdef/docs/notes.md" },
    };

    [Theory]
    [MemberData(nameof(UnknownIds))]
    public async Task AnUnknownIdIsANotFoundProblem(string method, string path)
    {
        var client = await fixture.SignUpAsync();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method is "PUT" ? JsonContent.Create(ApiClient.Spec()) : null,
        });

        await Problems.AssertAsync(response, HttpStatusCode.NotFound, "Not Found");
    }

    [Fact]
    public async Task OtherBadRequestsSayWhatIsWrong()
    {
        var client = await fixture.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec(tools: ToolNames.Files));

        await Problems.AssertAsync(
            await client.PostAsJsonAsync($"/api/bots/{bot.Id}/runs", new StartRunRequest(new string('x', 20_001))),
            HttpStatusCode.BadRequest, "at most 20000 characters");
        await Problems.AssertAsync(await client.GetAsync($"/api/bots/{bot.Id}/results?filter=starred"), HttpStatusCode.BadRequest, "Unknown filter 'starred'");
        await Problems.AssertAsync(
            await client.PutAsync($"/api/bots/{bot.Id}/docs/big.txt", new StringContent(new string('x', 1024 * 1024 + 1))),
            HttpStatusCode.RequestEntityTooLarge, "at most 1048576 bytes");
        await Problems.AssertAsync(await client.PutAsJsonAsync("/api/settings", new SettingsUpdate("chat me", "not-an-email", null, null, null)), HttpStatusCode.BadRequest, "Not a valid e-mail address");
        Assert.Empty(await (await client.GetAsync($"/api/bots/{bot.Id}/docs")).Content.ReadFromJsonAsync<List<DocumentInfo>>() ?? []);
    }
}
