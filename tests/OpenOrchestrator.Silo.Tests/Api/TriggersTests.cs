using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Silo.Triggers;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class TriggersTests(ApiFixture fixture)
{
    [Fact]
    public async Task WhenTheDevBotIsDoneTheTestBotStartsAndReadsItsCode()
    {
        var client = await fixture.SignUpAsync();
        var dev = await client.CreateBotAsync(ApiClient.Spec("Dev-Bot", "Write add.py to spec.", ToolNames.Files));
        var tester = await client.CreateBotAsync(ApiClient.Spec("Test-Bot", "Test what the dev bot wrote.", ToolNames.Files));
        var testerAsked = new TaskCompletionSource<ModelRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Model.SetScript(r => r.SystemPrompt!.Contains("Dev-Bot")
            ? r.Round() == 0
                ? ModelReply.ToolCalls(ModelToolCall.Create("files-write", new { path = "add.py", content = "def add(a, b): return a + b" }))
                : ModelReply.Text("Feature: add implemented.")
            : r.Round() == 0
                ? ModelReply.ToolCalls(ModelToolCall.Create("files-read", new { path = "add.py", from = dev.Id }))
                : Reported(testerAsked, r, ModelReply.Text("1 test passed.")));
        var link = await client.PostAsJsonAsync("/api/triggers", new TriggerSpec { SourceBotId = dev.Id, Event = TriggerEvents.Completed, TargetBotId = tester.Id });
        Assert.Equal(HttpStatusCode.Created, link.StatusCode);

        var devRun = await client.RunAsync(dev.Id);
        var read = await testerAsked.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var testRun = await WaitForOnlyRunAsync(client, tester.Id, testerAsked.Task);

        Assert.Equal("def add(a, b): return a + b", read.ToolResults.Single().Content);
        Assert.Equal(RunStatuses.Completed, testRun.Status);
        Assert.Equal(RunTriggers.FromBot(dev.Id), testRun.Trigger);
        Assert.Contains("Feature: add implemented.", testRun.Input);
        Assert.Contains(devRun.Id, await fixture.QueryAsync(db => db.Runs.Where(r => r.Id == testRun.Id).Select(r => r.Cause).SingleAsync()));
        var activity = (await client.GetFromJsonAsync<ActivityPage>("/api/activity"))!.Items;
        Assert.Contains(activity, a => a.Kind == "trigger_fired" && a.BotId == tester.Id && a.RunId == testRun.Id);
    }

    [Fact]
    public async Task AResultTriggerTellsTheTargetTheSourceRunsNewResults()
    {
        var client = await fixture.SignUpAsync();
        var targetHeard = HeardFromAsync("Target", r => r.SystemPrompt!.Contains("\"Finder\"") && r.Round() == 0
            ? ModelReplyFor.Report("Lamp — 12 €", "https://shop.example/lamp")
            : ModelReply.Text("Done."));
        var finder = await client.CreateBotAsync(ApiClient.Spec("Finder"));
        var target = await client.CreateBotAsync(ApiClient.Spec("Target"));
        (await client.PostAsJsonAsync("/api/triggers", new TriggerSpec { SourceBotId = finder.Id, Event = TriggerEvents.Result, TargetBotId = target.Id })).EnsureSuccessStatusCode();

        var found = await client.RunAsync(finder.Id);
        var started = await WaitForOnlyRunAsync(client, target.Id, targetHeard);

        var result = Assert.Single(await client.ResultsAsync(finder.Id));
        Assert.Equal(found.Id, result.RunId);
        Assert.Contains($"Its new results: {result.Id}", started.Input);
    }

    [Fact]
    public async Task ATriggerFiresOncePerSourceRunEvenWhenDeliveredAgain()
    {
        var client = await fixture.SignUpAsync();
        var targetHeard = HeardFromAsync("Target", _ => ModelReply.Text("Done."));
        var source = await client.CreateBotAsync(ApiClient.Spec("Source"));
        var target = await client.CreateBotAsync(ApiClient.Spec("Target"));
        (await client.PostAsJsonAsync("/api/triggers", new TriggerSpec { SourceBotId = source.Id, Event = TriggerEvents.Completed, TargetBotId = target.Id })).EnsureSuccessStatusCode();
        await client.RunAsync(source.Id);
        var first = await WaitForOnlyRunAsync(client, target.Id, targetHeard);

        // As after a crash between starting the target and recording the delivery.
        await fixture.QueryAsync(db => db.TriggerFirings.Where(f => f.TargetBotId == target.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.DeliveredAt, (DateTime?)null)));
        await fixture.App.Services.GetRequiredService<TriggerDispatcher>().StartedAsync(CancellationToken.None);

        Assert.Equal([first.Id], (await client.GetFromJsonAsync<List<RunView>>($"/api/bots/{target.Id}/runs"))!.Select(r => r.Id));
        Assert.True(await fixture.QueryAsync(db => db.TriggerFirings.AllAsync(f => f.TargetBotId != target.Id || f.DeliveredAt != null)));
    }

    [Fact]
    public async Task FiringsForABusyBotWaitQueuedAndStartInTurn()
    {
        var client = await fixture.SignUpAsync();
        var source = await client.CreateBotAsync(ApiClient.Spec("Source"));
        var target = await client.CreateBotAsync(ApiClient.Spec("Target"));
        (await client.PostAsJsonAsync("/api/triggers", new TriggerSpec { SourceBotId = source.Id, Event = TriggerEvents.Completed, TargetBotId = target.Id })).EnsureSuccessStatusCode();
        var busy = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Model.Script = async (r, cancellationToken) =>
        {
            if (r.SystemPrompt!.Contains("\"Target\"") && r.LastUserText == "by hand")
            {
                busy.TrySetResult();
                await release.Task.WaitAsync(cancellationToken);
            }

            return ModelReply.Text("Done.");
        };
        var manual = await client.StartRunAsync(target.Id, "by hand");
        await busy.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var sourceRuns = new[] { await client.RunAsync(source.Id), await client.RunAsync(source.Id) };
        await fixture.App.Services.GetRequiredService<TriggerDispatcher>().StartedAsync(CancellationToken.None);
        var waiting = (await client.GetFromJsonAsync<List<RunView>>($"/api/bots/{target.Id}/runs"))!.Where(r => r.Status == RunStatuses.Queued).OrderBy(r => r.CreatedAt).ToList();
        Assert.Equal(2, waiting.Count);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/api/runs/{waiting[1].Id}/cancel", null)).StatusCode);
        release.TrySetResult();

        Assert.Equal(RunStatuses.Completed, (await client.WaitForRunAsync(manual.Id)).Status);
        var first = await client.WaitForRunAsync(waiting[0].Id);
        var second = await client.WaitForRunAsync(waiting[1].Id);
        Assert.Equal((RunStatuses.Completed, RunTriggers.FromBot(source.Id)), (first.Status, first.Trigger));
        Assert.Contains(sourceRuns[0].Output!, first.Input);
        Assert.Equal((RunStatuses.Cancelled, "cancelled by the user", (DateTimeOffset?)null), (second.Status, second.Error, second.StartedAt));
        var activity = (await client.GetFromJsonAsync<ActivityPage>("/api/activity"))!.Items;
        Assert.Contains(activity, a => a.Kind == "trigger_fired" && a.RunId == first.Id && a.Message.StartsWith("Queued by Source", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PausingABotCancelsItsQueuedRuns()
    {
        var client = await fixture.SignUpAsync();
        var source = await client.CreateBotAsync(ApiClient.Spec("Source"));
        var target = await client.CreateBotAsync(ApiClient.Spec("Target"));
        (await client.PostAsJsonAsync("/api/triggers", new TriggerSpec { SourceBotId = source.Id, Event = TriggerEvents.Completed, TargetBotId = target.Id })).EnsureSuccessStatusCode();
        var busy = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Model.Script = async (r, cancellationToken) =>
        {
            if (r.SystemPrompt!.Contains("\"Target\""))
            {
                busy.TrySetResult();
                await new TaskCompletionSource().Task.WaitAsync(cancellationToken);
            }

            return ModelReply.Text("Done.");
        };
        var manual = await client.StartRunAsync(target.Id);
        await busy.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await client.RunAsync(source.Id);
        await fixture.App.Services.GetRequiredService<TriggerDispatcher>().StartedAsync(CancellationToken.None);

        await ApiClient.EnsureAsync(await client.PutAsJsonAsync($"/api/bots/{target.Id}", ApiClient.Spec("Target") with { Enabled = false }));
        await ApiClient.EnsureAsync(await client.PostAsync($"/api/runs/{manual.Id}/cancel", null));
        await client.WaitForRunAsync(manual.Id);

        var runs = (await client.GetFromJsonAsync<List<RunView>>($"/api/bots/{target.Id}/runs"))!;
        var triggered = await client.WaitForRunAsync(runs.Single(r => r.Id != manual.Id).Id);
        Assert.Equal((RunStatuses.Cancelled, "the bot was paused"), (triggered.Status, triggered.Error));
    }

    [Fact]
    public async Task ACycleIsRefusedUnlessAMaximumDepthBoundsIt()
    {
        var client = await fixture.SignUpAsync();
        var a = await client.CreateBotAsync(ApiClient.Spec("A"));
        var b = await client.CreateBotAsync(ApiClient.Spec("B"));
        (await client.PostAsJsonAsync("/api/triggers", new TriggerSpec { SourceBotId = a.Id, Event = TriggerEvents.Completed, TargetBotId = b.Id })).EnsureSuccessStatusCode();

        var back = await client.PostAsJsonAsync("/api/triggers", new TriggerSpec { SourceBotId = b.Id, Event = TriggerEvents.Completed, TargetBotId = a.Id });
        var self = await client.PostAsJsonAsync("/api/triggers", new TriggerSpec { SourceBotId = a.Id, Event = TriggerEvents.Failed, TargetBotId = a.Id });
        var waiting = await client.PutAsJsonAsync($"/api/bots/{a.Id}", ApiClient.Spec("A") with { Schedule = new ScheduleSpec { Kind = ScheduleKinds.After, AfterBotId = b.Id } });

        await Problems.AssertAsync(back, HttpStatusCode.Conflict, $"{b.Id} → {a.Id} → {b.Id}");
        await Problems.AssertAsync(self, HttpStatusCode.Conflict, "maxDepth");
        await Problems.AssertAsync(waiting, HttpStatusCode.Conflict, "cycle");

        var bounded = await client.PostAsJsonAsync("/api/triggers", new TriggerSpec { SourceBotId = b.Id, Event = TriggerEvents.Completed, TargetBotId = a.Id, MaxDepth = 3 });
        Assert.Equal(HttpStatusCode.Created, bounded.StatusCode);
        var fourth = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finalRequests = 0;
        fixture.Model.SetScript(_ =>
        {
            if (Interlocked.Increment(ref finalRequests) == 4) fourth.TrySetResult();
            return ModelReply.Text("Done.");
        });

        await client.RunAsync(a.Id);
        await fourth.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var lastOfB = (await client.GetFromJsonAsync<List<RunView>>($"/api/bots/{b.Id}/runs"))!.First();
        await client.WaitForRunAsync(lastOfB.Id);

        var depths = await fixture.QueryAsync(db => db.Runs.Where(r => r.BotId == a.Id || r.BotId == b.Id).OrderBy(r => r.Depth).Select(r => r.Depth).ToListAsync());
        Assert.Equal([0, 1, 2, 3], depths);
    }

    [Fact]
    public async Task ABotWaitingForAnotherStartsWhenItCompletes()
    {
        var client = await fixture.SignUpAsync();
        var thenHeard = HeardFromAsync("Then", _ => ModelReply.Text("Done."));
        var first = await client.CreateBotAsync(ApiClient.Spec("First"));
        var then = await client.CreateBotAsync(ApiClient.Spec("Then") with { Schedule = new ScheduleSpec { Kind = ScheduleKinds.After, AfterBotId = first.Id } });
        Assert.Equal(BotStatuses.Waiting, then.Status);

        await client.RunAsync(first.Id);
        var run = await WaitForOnlyRunAsync(client, then.Id, thenHeard);

        Assert.Equal(RunTriggers.FromBot(first.Id), run.Trigger);
    }

    [Fact]
    public async Task LinksChangedAfterTheSourceHasRunCountFromItsNextRun()
    {
        var client = await fixture.SignUpAsync();
        fixture.Model.SetScript(_ => ModelReply.Text("Done."));
        var source = await client.CreateBotAsync(ApiClient.Spec("Source"));
        var target = await client.CreateBotAsync(ApiClient.Spec("Target"));
        var gone = await client.CreateBotAsync(ApiClient.Spec("Gone"));
        Assert.Empty(await FiredByAsync(await client.RunAsync(source.Id)));

        var link = (await (await client.PostAsJsonAsync("/api/triggers", new TriggerSpec { SourceBotId = source.Id, Event = TriggerEvents.Completed, TargetBotId = target.Id })).Content.ReadFromJsonAsync<TriggerView>())!;
        (await client.PostAsJsonAsync("/api/triggers", new TriggerSpec { SourceBotId = source.Id, Event = TriggerEvents.Completed, TargetBotId = gone.Id })).EnsureSuccessStatusCode();
        var waiting = await client.CreateBotAsync(ApiClient.Spec("Waiting") with { Schedule = new ScheduleSpec { Kind = ScheduleKinds.After, AfterBotId = source.Id } });
        Assert.Equal(new[] { gone.Id, target.Id, waiting.Id }.Order(), (await FiredByAsync(await client.RunAsync(source.Id))).Order());

        await ApiClient.EnsureAsync(await client.PutAsJsonAsync($"/api/triggers/{link.Id}", new TriggerSpec { SourceBotId = source.Id, Event = TriggerEvents.Completed, TargetBotId = target.Id, Enabled = false }));
        await ApiClient.EnsureAsync(await client.DeleteAsync($"/api/bots/{gone.Id}"));
        await ApiClient.EnsureAsync(await client.PutAsJsonAsync($"/api/bots/{waiting.Id}", ApiClient.Spec("Waiting") with { Schedule = new ScheduleSpec { Kind = ScheduleKinds.After, AfterBotId = source.Id }, Enabled = false }));
        var afterChanges = await client.RunAsync(source.Id);
        Assert.Equal(RunStatuses.Completed, afterChanges.Status);
        Assert.Empty(await FiredByAsync(afterChanges));

        await ApiClient.EnsureAsync(await client.PutAsJsonAsync($"/api/bots/{waiting.Id}", ApiClient.Spec("Waiting") with { Schedule = new ScheduleSpec { Kind = ScheduleKinds.After, AfterBotId = source.Id } }));
        await ApiClient.EnsureAsync(await client.PutAsJsonAsync($"/api/triggers/{link.Id}", new TriggerSpec { SourceBotId = source.Id, Event = TriggerEvents.Completed, TargetBotId = target.Id }));
        Assert.Equal(new[] { target.Id, waiting.Id }.Order(), (await FiredByAsync(await client.RunAsync(source.Id))).Order());

        await ApiClient.EnsureAsync(await client.DeleteAsync($"/api/triggers/{link.Id}"));
        await ApiClient.EnsureAsync(await client.PutAsJsonAsync($"/api/bots/{waiting.Id}", ApiClient.Spec("Waiting")));
        Assert.Empty(await FiredByAsync(await client.RunAsync(source.Id)));
    }

    /// <summary>The bots a finished run set off: its firings are stored with its outcome.</summary>
    private Task<List<string>> FiredByAsync(RunView run) =>
        fixture.QueryAsync(db => db.TriggerFirings.Where(f => f.SourceRunId == run.Id).Select(f => f.TargetBotId).ToListAsync());

    [Fact]
    public async Task TriggersAreValidatedAndOnlyTheOwnersOwn()
    {
        var client = await fixture.SignUpAsync();
        var stranger = await fixture.SignUpAsync();
        var mine = await client.CreateBotAsync(ApiClient.Spec("Mine"));
        var theirs = await stranger.CreateBotAsync(ApiClient.Spec("Theirs"));

        await Problems.AssertAsync(await client.PostAsJsonAsync("/api/triggers", new TriggerSpec { SourceBotId = mine.Id, Event = "exploded", TargetBotId = mine.Id }), HttpStatusCode.BadRequest, "event must be one of");
        await Problems.AssertAsync(await client.PostAsJsonAsync("/api/triggers", new TriggerSpec { SourceBotId = mine.Id, Event = TriggerEvents.Result, TargetBotId = theirs.Id }), HttpStatusCode.BadRequest, "You have no bot with id");
        await Problems.AssertAsync(await client.PostAsJsonAsync("/api/triggers", new TriggerSpec { SourceBotId = theirs.Id, Event = TriggerEvents.Result, TargetAction = TargetActions.NotifyTelegram }), HttpStatusCode.BadRequest, "You have no bot with id");
        await Problems.AssertAsync(await client.PostAsJsonAsync("/api/triggers", new TriggerSpec { SourceBotId = mine.Id, Event = TriggerEvents.Result, TargetAction = "notify:pigeon" }), HttpStatusCode.BadRequest, "Unknown action");
        await Problems.AssertAsync(await client.PostAsJsonAsync("/api/triggers", new TriggerSpec { SourceBotId = mine.Id, Event = TriggerEvents.Result, TargetAction = TargetActions.NotifyEmail, TargetBotId = mine.Id }), HttpStatusCode.BadRequest, "takes no targetBotId");

        var notify = await client.PostAsJsonAsync("/api/triggers", new TriggerSpec { SourceBotId = mine.Id, Event = TriggerEvents.Result, TargetAction = TargetActions.NotifyTelegram });
        var created = (await notify.Content.ReadFromJsonAsync<TriggerView>())!;
        Assert.Equal(HttpStatusCode.Created, notify.StatusCode);
        Assert.Equal((TargetActions.NotifyTelegram, (string?)null, true), (created.TargetAction, created.TargetBotId, created.Enabled));
        Assert.Equal([created.Id], (await client.GetFromJsonAsync<List<TriggerView>>("/api/triggers"))!.Select(t => t.Id));
        Assert.Empty((await stranger.GetFromJsonAsync<List<TriggerView>>("/api/triggers"))!);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"/api/triggers/{created.Id}", new TriggerSpec { SourceBotId = theirs.Id, Event = TriggerEvents.Result, TargetAction = TargetActions.NotifyEmail })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"/api/triggers/{created.Id}")).StatusCode);

        var paused = await client.PutAsJsonAsync($"/api/triggers/{created.Id}", new TriggerSpec { SourceBotId = mine.Id, Event = TriggerEvents.Result, TargetAction = TargetActions.NotifyEmail, Enabled = false });
        Assert.Equal((TargetActions.NotifyEmail, false), ((await paused.Content.ReadFromJsonAsync<TriggerView>())!.TargetAction, false));
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/triggers/{created.Id}")).StatusCode);
        Assert.Empty((await client.GetFromJsonAsync<List<TriggerView>>("/api/triggers"))!);
    }

    private static ModelReply Reported(TaskCompletionSource<ModelRequest> seen, ModelRequest request, ModelReply reply)
    {
        seen.TrySetResult(request);
        return reply;
    }

    /// <summary>Completes when the model hears from the named bot: by then its run exists.</summary>
    private Task HeardFromAsync(string botName, Func<ModelRequest, ModelReply> script)
    {
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Model.SetScript(r =>
        {
            if (r.SystemPrompt!.Contains($"\"{botName}\"")) heard.TrySetResult();
            return script(r);
        });
        return heard.Task;
    }

    /// <summary>The bot's single run, once it has finished; a trigger started it, not the test.</summary>
    private static async Task<RunView> WaitForOnlyRunAsync(HttpClient client, string botId, Task started)
    {
        await started.WaitAsync(TimeSpan.FromSeconds(30));
        var runs = (await client.GetFromJsonAsync<List<RunView>>($"/api/bots/{botId}/runs"))!;
        return await client.WaitForRunAsync(runs.Single().Id);
    }
}
