using System.Net.Http.Json;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class SchedulesApiTests(ApiFixture fixture)
{
    [Fact]
    public async Task EveryReadOfAScheduledBotShowsItsNextRun()
    {
        var client = await fixture.SignUpAsync();
        var before = DateTimeOffset.UtcNow;

        var bot = await client.CreateBotAsync(ApiClient.Spec() with { Schedule = new ScheduleSpec { Kind = ScheduleKinds.Interval, EveryMinutes = 30 } });
        var listed = (await client.GetFromJsonAsync<List<BotView>>("/api/bots"))!.Single();

        Assert.InRange(bot.NextRunAt!.Value, before.AddMinutes(30), DateTimeOffset.UtcNow.AddMinutes(30).AddMilliseconds(1));
        Assert.Equal(0, bot.NextRunAt.Value.Ticks % TimeSpan.TicksPerMillisecond);
        Assert.Equal(bot.NextRunAt, listed.NextRunAt);
        Assert.Equal(MissedRunPolicies.RunOnce, bot.MissedRuns);

        var paused = await client.PutAsJsonAsync($"/api/bots/{bot.Id}", ApiClient.Spec() with
        {
            Schedule = new ScheduleSpec { Kind = ScheduleKinds.Interval, EveryMinutes = 30 },
            Enabled = false,
            MissedRuns = MissedRunPolicies.Skip,
        });
        var view = (await paused.Content.ReadFromJsonAsync<BotView>())!;
        Assert.Null(view.NextRunAt);
        Assert.Equal(30, view.Schedule.EveryMinutes);
        Assert.Equal(MissedRunPolicies.Skip, view.MissedRuns);
    }

    [Fact]
    public async Task AnUnknownMissedRunPolicyIsRefused()
    {
        var client = await fixture.SignUpAsync();

        var response = await client.PostAsJsonAsync("/api/bots", ApiClient.Spec() with { MissedRuns = "catchUpAll" });

        await Problems.AssertAsync(response, System.Net.HttpStatusCode.BadRequest, "Unknown policy 'catchUpAll'");
    }

    [Fact]
    public async Task TheActivityFeedListsTheUsersRunsNewestFirstInPages()
    {
        var client = await fixture.SignUpAsync();
        var other = await fixture.SignUpAsync();
        fixture.Model.SetScript(_ => ModelReply.Text("Nothing new today."));
        var bot = await client.CreateBotAsync(ApiClient.Spec("Research") with { Emoji = "📊" });
        var runs = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            runs.Add((await client.RunAsync(bot.Id)).Id);
        }

        var first = (await client.GetFromJsonAsync<ActivityPage>("/api/activity?limit=2"))!;
        var second = (await client.GetFromJsonAsync<ActivityPage>($"/api/activity?limit=2&before={first.Next}"))!;

        Assert.Equal([runs[2], runs[1]], first.Items.Select(a => a.RunId));
        Assert.Equal([runs[0]], second.Items.Select(a => a.RunId));
        Assert.Null(second.Next);
        Assert.All(first.Items, a =>
        {
            Assert.Equal("run_completed", a.Kind);
            Assert.Equal(("Research", "📊"), (a.BotName, a.BotEmoji));
            Assert.Equal("no new results: Nothing new today.", a.Message);
        });
        Assert.Empty((await other.GetFromJsonAsync<ActivityPage>("/api/activity"))!.Items);
    }
}
