using System.Net;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Live;

[Collection(ApiCollection.Name)]
public sealed class LiveHubTests(ApiFixture fixture)
{
    [Fact]
    public async Task ARunShowsItsStatusLogAndResultsLiveToItsOwner()
    {
        var client = await fixture.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec("Scout"));
        await using var watching = await LiveListener.ConnectAsync(fixture.App, client);
        await using var elsewhere = await LiveListener.ConnectAsync(fixture.App, client);
        Assert.True(await watching.WatchAsync(bot.Id));
        // The run is held in its first model call until the running bot has been seen: a view is read when it is sent.
        var seenRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Model.Script = async (r, cancellationToken) =>
        {
            if (r.Round() > 0)
            {
                return ModelReply.Text("Found two bikes.");
            }

            await seenRunning.Task.WaitAsync(cancellationToken);
            return ModelReply.ToolCalls(
                ModelToolCall.Create("results-report", new { title = "Bike A", url = "https://shop.example/a" }),
                ModelToolCall.Create("results-report", new { title = "Bike B", url = "https://shop.example/b" }));
        };

        var run = await client.StartRunAsync(bot.Id);

        var started = await watching.WaitForAsync<RunView>(LiveHub.RunStarted, r => r.Id == run.Id);
        var running = await elsewhere.WaitForAsync<BotView>(LiveHub.BotChanged, b => b.Id == bot.Id && b.Status == BotStatuses.Running);
        seenRunning.SetResult();
        var finished = await elsewhere.WaitForAsync<RunView>(LiveHub.RunFinished, r => r.Id == run.Id);
        await watching.WaitForAsync<LiveLogLine>(LiveHub.RunLog, l => l.RunId == run.Id && l.Line.Message.StartsWith("Done:", StringComparison.Ordinal));
        var results = watching.Received.Where(r => r.Event == LiveHub.ResultAdded).Select(r => ((ResultView)r.Payload).Title).Order().ToList();
        var ended = await elsewhere.WaitForAsync<ActivityView>(LiveHub.ActivityAdded, a => a.RunId == run.Id);

        Assert.Equal((RunStatuses.Running, bot.Id), (started.Status, started.BotId));
        Assert.Equal(bot.Name, running.Name);
        Assert.Equal((RunStatuses.Completed, "Found two bikes."), (finished.Status, finished.Output));
        Assert.Equal(["Bike A", "Bike B"], results);
        Assert.Equal("run_completed", ended.Kind);
        var lines = watching.Received.Where(r => r.Event == LiveHub.RunLog).Select(r => ((LiveLogLine)r.Payload).Line.Seq).ToList();
        Assert.Equal(Enumerable.Range(1, lines.Count), lines.Order());
        Assert.DoesNotContain(elsewhere.Received, r => r.Event == LiveHub.RunLog);
    }

    [Fact]
    public async Task AnotherUsersEventsNeverArrive()
    {
        var owner = await fixture.SignUpAsync();
        var stranger = await fixture.SignUpAsync();
        var mine = await owner.CreateBotAsync(ApiClient.Spec("Mine"));
        var theirs = await stranger.CreateBotAsync(ApiClient.Spec("Theirs"));
        await using var strangerLive = await LiveListener.ConnectAsync(fixture.App, stranger);
        await using var ownerLive = await LiveListener.ConnectAsync(fixture.App, owner);
        fixture.Model.SetScript(_ => ModelReply.Text("Done."));

        Assert.False(await strangerLive.WatchAsync(mine.Id));
        Assert.True(await strangerLive.WatchAsync(theirs.Id));
        var ownerRun = await owner.RunAsync(mine.Id);
        await ownerLive.WaitForAsync<RunView>(LiveHub.RunFinished, r => r.Id == ownerRun.Id);
        var strangerRun = await stranger.RunAsync(theirs.Id);
        await strangerLive.WaitForAsync<RunView>(LiveHub.RunFinished, r => r.Id == strangerRun.Id);
        await strangerLive.WaitForAsync<LiveLogLine>(LiveHub.RunLog, l => l.RunId == strangerRun.Id);

        Assert.DoesNotContain(strangerLive.Received, r => r.Payload.ToString()!.Contains(mine.Id, StringComparison.Ordinal));
        Assert.Contains(ownerLive.Received, r => r.Event == LiveHub.BotChanged && ((BotView)r.Payload).Id == mine.Id);
    }

    [Fact]
    public async Task TheHubRefusesAnUnsignedConnection()
    {
        var anonymous = fixture.App.CreateClient();
        var response = await anonymous.PostAsync($"{LiveHub.Path}/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
