using System.Net;
using System.Net.Http.Json;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class BotsApiTests(ApiFixture fixture)
{
    [Fact]
    public async Task ANewBotGetsTheDocumentedDefaults()
    {
        var client = await fixture.SignUpAsync();

        var bot = await client.CreateBotAsync(new BotSpec { Name = " eBay-Scout ", Prompt = "Find Nike Air Max under 50 €." });

        Assert.Equal("eBay-Scout", bot.Name);
        Assert.Equal("🤖", bot.Emoji);
        Assert.Equal("scripted-model", bot.Model);
        Assert.Equal(["dashboard"], bot.Notify);
        Assert.Equal(ScheduleKinds.Manual, bot.Schedule.Kind);
        Assert.True(bot.Enabled);
        Assert.Equal(BotStatuses.Idle, bot.Status);
        Assert.Equal(new BotStats(0, 0, 0, null), bot.Stats);
        Assert.Null(bot.LastRunAt);
    }

    [Fact]
    public async Task ABotCanBeReadListedUpdatedAndDeleted()
    {
        var client = await fixture.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec("Vinted-Finder", "Find vintage sneakers.", ToolNames.Browser));

        Assert.Equal(bot.Id, (await client.GetFromJsonAsync<BotView>($"/api/bots/{bot.Id}"))!.Id);
        Assert.Equal([bot.Id], (await client.GetFromJsonAsync<List<BotView>>("/api/bots"))!.Select(b => b.Id));

        var update = await client.PutAsJsonAsync($"/api/bots/{bot.Id}", new BotSpec
        {
            Name = "Vinted-Finder",
            Emoji = "👗",
            Prompt = "Find vintage sneakers under 80 €.",
            Tools = [ToolNames.Browser, ToolNames.Files],
            Schedule = new ScheduleSpec { Kind = ScheduleKinds.Cron, Cron = "*/30 * * * *", TimeZone = "Europe/Berlin" },
            Notify = [NotifyChannels.Dashboard, NotifyChannels.Telegram],
            Enabled = false,
        });
        var updated = (await update.Content.ReadFromJsonAsync<BotView>())!;
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal("👗", updated.Emoji);
        Assert.Equal([ToolNames.Browser, ToolNames.Files], updated.Tools);
        Assert.Equal("*/30 * * * *", updated.Schedule.Cron);
        Assert.Equal("Europe/Berlin", updated.Schedule.TimeZone);
        Assert.Equal(BotStatuses.Paused, updated.Status);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/bots/{bot.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/bots/{bot.Id}")).StatusCode);
        Assert.Empty((await client.GetFromJsonAsync<List<BotView>>("/api/bots"))!);
    }

    [Fact]
    public async Task DeletingABotRemovesItsRunsResultsAndDocuments()
    {
        var client = await fixture.SignUpAsync();
        fixture.Model.SetScript(r => r.Round() == 0
            ? ModelReplyFor.Report("Found it", "https://example.com/1")
            : ModelReply.Text("Done."));
        var bot = await client.CreateBotAsync(ApiClient.Spec(tools: ToolNames.Files));
        var run = await client.RunAsync(bot.Id);
        Assert.Equal(RunStatuses.Completed, run.Status);
        (await client.PutAsync($"/api/bots/{bot.Id}/docs/notes.md", new StringContent("remember"))).EnsureSuccessStatusCode();

        (await client.DeleteAsync($"/api/bots/{bot.Id}")).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/runs/{run.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/runs/{run.Id}/log")).StatusCode);
        Assert.False(Directory.Exists(Path.Combine(fixture.App.DataPath, "bots", bot.Id)));
    }

    [Fact]
    public async Task APictureDocumentIsServedAsItsImageAndSvgOnlyAsText()
    {
        var client = await fixture.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec(tools: ToolNames.Files));
        const string Svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>";
        (await client.PutAsync($"/api/bots/{bot.Id}/docs/drawing.svg", new StringContent(Svg))).EnsureSuccessStatusCode();
        (await client.PutAsync($"/api/bots/{bot.Id}/docs/pictures/shot.png", new StringContent("not really a png"))).EnsureSuccessStatusCode();

        using var svg = await client.GetAsync($"/api/bots/{bot.Id}/docs/drawing.svg");
        using var png = await client.GetAsync($"/api/bots/{bot.Id}/docs/pictures/shot.png");
        var stranger = await fixture.SignUpAsync();

        // A script in an SVG never runs from our origin: it is text.
        Assert.Equal("text/plain", svg.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Svg, await svg.Content.ReadAsStringAsync());
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal("not really a png"u8.ToArray(), await png.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/bots/{bot.Id}/docs/pictures/shot.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/bots/{bot.Id}/docs/pictures/missing.png")).StatusCode);
    }
}
