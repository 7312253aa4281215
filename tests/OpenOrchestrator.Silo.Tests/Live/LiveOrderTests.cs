using System.Net.Http.Json;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Live;

[Collection(ApiCollection.Name)]
public sealed class LiveOrderTests(ApiFixture fixture)
{
    [Fact]
    public async Task EveryRunsEndArrivesAfterItsLastLogLine()
    {
        var client = await fixture.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec("Quick"));
        await using var watching = await LiveListener.ConnectAsync(fixture.App, client);
        Assert.True(await watching.WatchAsync(bot.Id));
        fixture.Model.SetScript(r => r.Round() == 0
            ? ModelReply.ToolCalls(ModelToolCall.Create("results-report", new { title = $"Find {Guid.NewGuid():N}" }))
            : ModelReply.Text("Done."));

        var runs = new List<RunView>();
        for (var i = 0; i < 12; i++)
        {
            runs.Add(await client.RunAsync(bot.Id));
        }

        foreach (var run in runs)
        {
            await watching.WaitForAsync<RunView>(LiveHub.RunFinished, r => r.Id == run.Id);
            var events = watching.Received.ToList();
            var end = events.FindIndex(e => e.Event == LiveHub.RunFinished && ((RunView)e.Payload).Id == run.Id);
            var lastLine = events.FindLastIndex(e => e.Event == LiveHub.RunLog && ((LiveLogLine)e.Payload).RunId == run.Id);
            var stored = await client.LogAsync(run.Id);
            var sent = events.Take(end).Where(e => e.Event == LiveHub.RunLog).Select(e => (LiveLogLine)e.Payload).Where(l => l.RunId == run.Id);

            Assert.InRange(lastLine, 0, end);
            Assert.Equal(stored.Select(l => l.Seq), sent.Select(l => l.Line.Seq));
        }
    }

    [Fact]
    public async Task EventsCarryTheViewsAReadReturns()
    {
        var client = await fixture.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec("Viewed"));
        await using var live = await LiveListener.ConnectAsync(fixture.App, client);
        fixture.Model.SetScript(r => r.Round() == 0
            ? ModelReply.ToolCalls(ModelToolCall.Create("results-report", new { title = "Lamp", url = "https://shop.example/lamp" }))
            : ModelReply.Text("Found a lamp."));

        var run = await client.RunAsync(bot.Id);
        var finished = await live.WaitForAsync<RunView>(LiveHub.RunFinished, r => r.Id == run.Id);
        var changed = await live.WaitForAsync<BotView>(LiveHub.BotChanged, b => b.Id == bot.Id && b.Status == BotStatuses.Idle && b.Stats.Runs == 1);
        var result = await live.WaitForAsync<ResultView>(LiveHub.ResultAdded, r => r.RunId == run.Id);

        Assert.Equal(Json(await client.GetFromJsonAsync<RunView>($"/api/runs/{run.Id}")), Json(finished));
        Assert.Equal(Json(await client.GetFromJsonAsync<BotView>($"/api/bots/{bot.Id}")), Json(changed));
        Assert.Equal(Json((await client.ResultsAsync(bot.Id)).Single()), Json(result));
    }

    [Fact]
    public async Task MarkingResultsSeenTellsTheBotsPagesAtOnce()
    {
        var client = await fixture.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec("Seen"));
        fixture.Model.SetScript(r => r.Round() == 0
            ? ModelReply.ToolCalls(ModelToolCall.Create("results-report", new { title = "One" }), ModelToolCall.Create("results-report", new { title = "Two" }))
            : ModelReply.Text("Done."));
        await client.RunAsync(bot.Id);
        await using var live = await LiveListener.ConnectAsync(fixture.App, client);

        await ApiClient.EnsureAsync(await client.PostAsync($"/api/bots/{bot.Id}/results/seen", null));

        // The run's own changes may still be on their way to this new connection: the one awaited is the first with both results seen.
        var changed = await live.WaitForAsync<BotView>(LiveHub.BotChanged, b => b.Id == bot.Id && b.Stats.Results == 2 && b.Stats.NewResults == 0);
        Assert.Equal(Json(await client.GetFromJsonAsync<BotView>($"/api/bots/{bot.Id}")), Json(changed));
    }

    /// <summary>Compared as the browser gets them: the same JSON.</summary>
    private static string Json<T>(T view) => System.Text.Json.JsonSerializer.Serialize(view, System.Text.Json.JsonSerializerOptions.Web);
}
