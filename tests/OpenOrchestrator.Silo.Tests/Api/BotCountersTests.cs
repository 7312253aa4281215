using System.Net;
using System.Net.Http.Json;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Api;

/// <summary>A bot's counters are kept as its runs end and its results are seen: what they say must match what is stored.</summary>
[Collection(ApiCollection.Name)]
public sealed class BotCountersTests(ApiFixture fixture)
{
    [Fact]
    public async Task StatsCountRunsByHowTheyEndedAndResultsByWhetherTheyWereSeen()
    {
        var client = await fixture.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec("Counted"));
        fixture.Model.SetScript(r => r.Round() == 0
            ? ModelReply.ToolCalls(ModelToolCall.Create("results-report", new { title = "A" }), ModelToolCall.Create("results-report", new { title = "B" }))
            : ModelReply.Text("Done."));
        Assert.Equal(RunStatuses.Completed, (await client.RunAsync(bot.Id)).Status);
        fixture.Model.SetScript(_ => ModelReply.Error(400, "The model refuses."));
        Assert.Equal(RunStatuses.Failed, (await client.RunAsync(bot.Id)).Status);
        fixture.Model.SetScript(r => r.Round() == 0 ? ModelReplyFor.Report("A") : ModelReply.Text("Nothing new."));
        Assert.Equal(RunStatuses.Completed, (await client.RunAsync(bot.Id)).Status);

        var stats = (await client.GetFromJsonAsync<BotView>($"/api/bots/{bot.Id}"))!.Stats;

        Assert.Equal((3, 2, 2), (stats.Runs, stats.Results, stats.NewResults));
        Assert.Equal(0.6667, stats.SuccessRate);
        Assert.Equal(stats, (await client.GetFromJsonAsync<List<BotView>>("/api/bots"))!.Single(b => b.Id == bot.Id).Stats);
    }

    [Fact]
    public async Task ResultsMarkedSeenWhileTheirRunGoesOnDoNotCountAsNew()
    {
        var client = await fixture.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec("Busy"));
        await using var live = await LiveListener.ConnectAsync(fixture.App, client);
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Model.Script = async (r, cancellationToken) =>
        {
            if (r.Round() == 0)
            {
                return ModelReply.ToolCalls(ModelToolCall.Create("results-report", new { title = "Early" }), ModelToolCall.Create("results-report", new { title = "Earlier" }));
            }

            await seen.Task.WaitAsync(cancellationToken);
            return ModelReply.Text("Done.");
        };

        var run = await client.StartRunAsync(bot.Id);
        await live.WaitForAsync<ResultView>(LiveHub.ResultAdded, r => r.Title == "Earlier");
        await live.WaitForAsync<ResultView>(LiveHub.ResultAdded, r => r.Title == "Early");
        await ApiClient.EnsureAsync(await client.PostAsync($"/api/bots/{bot.Id}/results/seen", null));
        seen.SetResult();
        await client.WaitForRunAsync(run.Id);
        var afterSeen = (await client.GetFromJsonAsync<BotView>($"/api/bots/{bot.Id}"))!.Stats;
        fixture.Model.SetScript(r => r.Round() == 0 ? ModelReplyFor.Report("Later") : ModelReply.Text("Done."));
        await client.RunAsync(bot.Id);
        var afterNext = (await client.GetFromJsonAsync<BotView>($"/api/bots/{bot.Id}"))!.Stats;

        Assert.Equal((2, 0), (afterSeen.Results, afterSeen.NewResults));
        Assert.Equal((3, 1), (afterNext.Results, afterNext.NewResults));
        Assert.Equal(afterNext.NewResults, (await client.ResultsAsync(bot.Id, ResultFilters.New)).Count);
    }

    [Fact]
    public async Task ADecidedDraftIsNoLongerNew()
    {
        var client = await fixture.SignUpAsync();
        var spec = ApiClient.Spec("Drafter");
        spec.RequireApproval = true;
        var bot = await client.CreateBotAsync(spec);
        fixture.Model.SetScript(r => r.Round() == 0
            ? ModelReply.ToolCalls(ModelToolCall.Create("results-report", new { title = "Draft 1" }), ModelToolCall.Create("results-report", new { title = "Draft 2" }))
            : ModelReply.Text("Two drafts."));
        await client.RunAsync(bot.Id);
        var drafts = await client.ResultsAsync(bot.Id, ResultFilters.Awaiting);
        var before = (await client.GetFromJsonAsync<BotView>($"/api/bots/{bot.Id}"))!.Stats;

        await ApiClient.EnsureAsync(await client.PostAsync($"/api/results/{drafts[0].Id}/approve", JsonContent.Create(new ResultApproval(null, null))));
        await ApiClient.EnsureAsync(await client.PostAsync($"/api/results/{drafts[1].Id}/reject", null));
        var again = await client.PostAsync($"/api/results/{drafts[1].Id}/reject", null);

        var after = (await client.GetFromJsonAsync<BotView>($"/api/bots/{bot.Id}"))!.Stats;
        Assert.Equal((2, 2), (before.Results, before.NewResults));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal((2, 0), (after.Results, after.NewResults));
    }
}
