using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class RunsApiTests(ApiFixture fixture)
{
    [Fact]
    public async Task ARunCompletesWithItsOutputUsageAndLog()
    {
        var client = await fixture.SignUpAsync();
        fixture.Model.SetScript(r => r.Round() == 0
            ? ModelReplyFor.Report("Nike Air Max 90 — 35 €", "https://shop.example/item/1", "35 €") with { PromptTokens = 100, CompletionTokens = 20 }
            : ModelReply.Text("Done. 1 new hit.") with { PromptTokens = 150, CompletionTokens = 10 });
        var bot = await client.CreateBotAsync(ApiClient.Spec());

        var accepted = await client.PostAsJsonAsync($"/api/bots/{bot.Id}/runs", new StartRunRequest("Look again."));
        var queued = (await accepted.Content.ReadFromJsonAsync<RunView>())!;
        var run = await client.WaitForRunAsync(queued.Id);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal($"/api/runs/{queued.Id}", accepted.Headers.Location!.OriginalString);
        Assert.Equal(RunTriggers.Manual, run.Trigger);
        Assert.Equal(RunStatuses.Completed, run.Status);
        Assert.Equal("Look again.", run.Input);
        Assert.Equal("Done. 1 new hit.", run.Output);
        Assert.Equal(new RunUsage(250, 30, 280, 2, 1), run.Usage);
        Assert.Equal(new RunCounts(1, 0), run.Counts);
        Assert.NotNull(run.DurationMs);
        Assert.True(run.FinishedAt >= run.StartedAt);
        Assert.Equal(run, await client.GetFromJsonAsync<RunView>($"/api/runs/{run.Id}"));

        var log = await client.LogAsync(run.Id);
        Assert.Equal(Enumerable.Range(1, log.Count), log.Select(l => l.Seq));
        Assert.Contains(log, l => l.Kind == LogKinds.Model && l.Message.Contains("100 prompt + 20 completion"));
        Assert.Contains(log, l => l.Kind == LogKinds.Tool && l.Message.Contains("results.report") && l.Message.Contains("Nike Air Max 90"));
        Assert.Contains(log, l => l.Kind == LogKinds.Output && l.Message == "Done. 1 new hit.");
        Assert.Contains(log, l => l.Message.StartsWith("Done: 1 new result, 0 already known; 2 model calls, 1 tool call,", StringComparison.Ordinal));

        var requests = fixture.Model.Requests.TakeLast(2).ToList();
        Assert.All(requests, r => Assert.True(r.Stream));
        Assert.Contains("Find offers.", requests[0].SystemPrompt);
        Assert.Equal("Look again.", requests[0].LastUserText);
        Assert.Equal(["results-report"], requests[0].ToolNames);

        var read = (await client.GetFromJsonAsync<BotView>($"/api/bots/{bot.Id}"))!;
        Assert.Equal(new BotStats(1, 1, 1, 1.0), read.Stats);
        Assert.Equal(BotStatuses.Idle, read.Status);
        Assert.NotNull(read.LastRunAt);
    }

    [Fact]
    public async Task OnlyTheBotsOwnPluginsAreOffered()
    {
        var client = await fixture.SignUpAsync();
        fixture.Model.SetScript(_ => ModelReply.Text("ok"));
        var bot = await client.CreateBotAsync(ApiClient.Spec(tools: [ToolNames.Browser, ToolNames.Files, ToolNames.WebSearch]));

        await client.RunAsync(bot.Id);

        Assert.Equal(
            ["browser-click", "browser-fetch", "browser-open", "browser-screenshot", "browser-type", "files-delete", "files-list", "files-read", "files-write", "results-report", "web-search"],
            fixture.Model.Requests[^1].ToolNames.Order());
    }

    [Fact]
    public async Task ASecondRunWhileOneRunsIsAConflictAndCancelStopsTheFirst()
    {
        var client = await fixture.SignUpAsync();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Model.Script = async (_, cancellationToken) =>
        {
            started.TrySetResult();
            await new TaskCompletionSource().Task.WaitAsync(cancellationToken);
            return ModelReply.Text("never");
        };
        var bot = await client.CreateBotAsync(ApiClient.Spec());
        var first = await client.StartRunAsync(bot.Id);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var second = await client.PostAsJsonAsync($"/api/bots/{bot.Id}/runs", new StartRunRequest(null));
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType!.MediaType);
        Assert.Equal(first.Id, problem.GetProperty("runId").GetString());
        Assert.Equal(BotStatuses.Running, (await client.GetFromJsonAsync<BotView>($"/api/bots/{bot.Id}"))!.Status);
        var stranger = await fixture.SignUpAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/runs/{first.Id}?wait=1")).StatusCode);

        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/api/runs/{first.Id}/cancel", null)).StatusCode);
        var cancelled = await client.WaitForRunAsync(first.Id);
        Assert.Equal(RunStatuses.Cancelled, cancelled.Status);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/runs/{first.Id}/cancel", null)).StatusCode);

        fixture.Model.SetScript(_ => ModelReply.Text("second time"));
        Assert.Equal(RunStatuses.Completed, (await client.RunAsync(bot.Id)).Status);
    }

    [Fact]
    public async Task AToolLoopIsStoppedAtTheStepLimit()
    {
        var client = await fixture.SignUpAsync();
        var n = 0;
        fixture.Model.SetScript(_ => ModelReplyFor.Report($"Item {Interlocked.Increment(ref n)}"));
        var bot = await client.CreateBotAsync(ApiClient.Spec());

        var run = await client.RunAsync(bot.Id);

        Assert.Equal(RunStatuses.Failed, run.Status);
        Assert.Contains("Runs__MaxSteps", run.Error);
        Assert.Equal(25, run.Counts.NewResults);
        Assert.Equal(BotStatuses.Failed, (await client.GetFromJsonAsync<BotView>($"/api/bots/{bot.Id}"))!.Status);
    }

    [Fact]
    public async Task AModelErrorFailsTheRunWithTheReason()
    {
        var client = await fixture.SignUpAsync();
        fixture.Model.SetScript(_ => ModelReply.Error(400, "model 'nope' does not exist"));
        var bot = await client.CreateBotAsync(ApiClient.Spec());

        var run = await client.RunAsync(bot.Id);

        Assert.Equal(RunStatuses.Failed, run.Status);
        Assert.Contains("model 'nope' does not exist", run.Error);
        Assert.Contains(await client.LogAsync(run.Id), l => l.Kind == LogKinds.Error && l.Message.Contains("does not exist"));
    }

    [Fact]
    public async Task TheUsersOwnModelKeyIsUsedInsteadOfTheServers()
    {
        var client = await fixture.SignUpAsync();
        fixture.Model.SetScript(_ => ModelReply.Text("ok"));
        var bot = await client.CreateBotAsync(ApiClient.Spec());

        await client.RunAsync(bot.Id);
        Assert.Equal("Bearer server-key", fixture.Model.Requests[^1].Authorization);

        (await client.PutAsJsonAsync("/api/settings", new SettingsUpdate(null, null, "sk-users-own", null, null))).EnsureSuccessStatusCode();
        await client.RunAsync(bot.Id);
        Assert.Equal("Bearer sk-users-own", fixture.Model.Requests[^1].Authorization);
    }
}
