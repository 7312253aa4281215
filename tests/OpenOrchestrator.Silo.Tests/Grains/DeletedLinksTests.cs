using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Activity;
using OpenOrchestrator.Silo.Runs;
using OpenOrchestrator.Silo.Storage;
using OpenOrchestrator.Silo.Tests.Infrastructure;

namespace OpenOrchestrator.Silo.Tests.Grains;

[Collection(GrainCollection.Name)]
public sealed class DeletedLinksTests(GrainFixture fixture)
{
    private static BotSpec Spec(string name, ScheduleSpec? schedule = null, bool enabled = true) =>
        new() { Name = name, Prompt = "Work.", Model = "m", Schedule = schedule, Enabled = enabled };

    private static ScheduleSpec After(string botId) => new() { Kind = ScheduleKinds.After, AfterBotId = botId };

    private async Task<(IBotGrain Grain, string Id)> CreateAsync(BotSpec spec)
    {
        var id = Ids.New();
        var grain = fixture.Grains.GetGrain<IBotGrain>(id);
        Assert.True(await grain.CreateAsync("owner", spec));
        return (grain, id);
    }

    [Fact]
    public async Task BotsScheduledAfterADeletedBotBecomeManualAndSayWhy()
    {
        var (dev, devId) = await CreateAsync(Spec("Dev-Bot"));
        var (_, testId) = await CreateAsync(Spec("Test-Bot", After(devId)));
        var (_, pausedId) = await CreateAsync(Spec("Docs-Bot", After(devId), enabled: false));
        Assert.Equal(BotStatuses.Waiting, (await fixture.RowAsync(testId))!.Status);

        Assert.True(await dev.DeleteAsync("owner"));

        foreach (var id in new[] { testId, pausedId })
        {
            var row = (await fixture.RowAsync(id))!;
            Assert.Equal(ScheduleKinds.Manual, row.ScheduleKind);
            Assert.Null(row.ScheduleAfterBotId);
            Assert.Null(row.NextRunAt);
            Assert.NotEqual(BotStatuses.Waiting, row.Status);
            Assert.False(await fixture.QueryAsync(db => db.Reminders.AnyAsync(r => r.GrainId.EndsWith(id))));
            var line = await fixture.QueryAsync(db => db.Activity.SingleAsync(a => a.BotId == id && a.Kind == ActivityKinds.ScheduleChanged));
            Assert.Equal("Its schedule became manual: Dev-Bot, the bot it ran after, was deleted.", line.Message);
        }

        Assert.Equal(BotStatuses.Paused, (await fixture.RowAsync(pausedId))!.Status);
    }

    [Fact]
    public async Task TheDependentsGrainHoldsTheManualScheduleItStored()
    {
        var (dev, devId) = await CreateAsync(Spec("Dev-Bot"));
        var (test, testId) = await CreateAsync(Spec("Test-Bot", After(devId)));

        await dev.DeleteAsync("owner");

        // A run's end sets the status from the grain's schedule: a grain still "after" would say waiting again.
        var run = await test.StartRunAsync("owner", RunTriggers.Manual, null);
        Assert.Equal(StartRunOutcome.Started, run.Outcome);
        await fixture.Services.GetRequiredService<RunExecutor>().WaitAsync(run.RunId!, TimeSpan.FromSeconds(10), CancellationToken.None);
        var row = (await fixture.RowAsync(testId))!;
        Assert.Equal(RunStatuses.Completed, row.LastRunStatus);
        Assert.Equal(BotStatuses.Idle, row.Status);
        Assert.Equal(ScheduleKinds.Manual, row.ScheduleKind);
    }

    [Fact]
    public async Task TriggersFromAndToADeletedBotAreRemovedAndOthersStay()
    {
        var (dev, devId) = await CreateAsync(Spec("Dev-Bot"));
        var (_, testId) = await CreateAsync(Spec("Test-Bot"));
        var (_, otherId) = await CreateAsync(Spec("Other-Bot"));
        await fixture.QueryAsync(async db =>
        {
            db.Triggers.AddRange(
                Trigger(devId, testId), Trigger(otherId, devId), Trigger(otherId, testId));
            return await db.SaveChangesAsync();
        });

        await dev.DeleteAsync("owner");

        var left = await fixture.QueryAsync(db => db.Triggers.Where(t => t.SourceBot == devId || t.TargetBot == devId || t.SourceBot == otherId).ToListAsync());
        var only = Assert.Single(left);
        Assert.Equal((otherId, testId), (only.SourceBot, only.TargetBot));
    }

    private static TriggerRecord Trigger(string source, string target) => new()
    {
        Id = Ids.New(), OwnerId = "owner", SourceBot = source, Event = TriggerEvents.Completed, TargetBot = target, TargetAction = TargetActions.Start,
        Enabled = true, CreatedAt = DateTime.UtcNow,
    };
}
