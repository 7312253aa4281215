using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Bots;
using OpenOrchestrator.Silo.Runs;
using OpenOrchestrator.Silo.Storage;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Grains;

[Collection(GrainCollection.Name)]
public sealed class ScheduleTests(GrainFixture fixture)
{
    private static BotSpec Every(int minutes, string missed = MissedRunPolicies.RunOnce) => new()
    {
        Name = "Scout",
        Prompt = "Look.",
        Model = "m",
        Schedule = new ScheduleSpec { Kind = ScheduleKinds.Interval, EveryMinutes = minutes },
        MissedRuns = missed,
    };

    [Fact]
    public async Task AScheduledBotKeepsItsNextSlotAndADurableReminder()
    {
        var (grain, id) = await CreateAsync(Every(5));
        var now = fixture.Time.GetUtcNow().UtcDateTime;

        Assert.Equal(now.AddMinutes(5), (await fixture.RowAsync(id))!.NextRunAt);
        var reminder = await fixture.QueryAsync(db => db.Reminders.SingleAsync(r => r.GrainId.EndsWith(id)));
        Assert.Equal(BotGrain.ScheduleReminder, reminder.ReminderName);

        await grain.UpdateAsync("owner", Every(5) with { Enabled = false });
        Assert.Null((await fixture.RowAsync(id))!.NextRunAt);
        Assert.False(await fixture.QueryAsync(db => db.Reminders.AnyAsync(r => r.GrainId.EndsWith(id))));

        fixture.Time.Advance(TimeSpan.FromMinutes(2));
        await grain.UpdateAsync("owner", Every(5));
        Assert.Equal(fixture.Time.GetUtcNow().UtcDateTime.AddMinutes(5), (await fixture.RowAsync(id))!.NextRunAt);
        Assert.True(await fixture.QueryAsync(db => db.Reminders.AnyAsync(r => r.GrainId.EndsWith(id))));
    }

    [Fact]
    public async Task ASlotStartsExactlyOneRunHoweverOftenTheReminderTicks()
    {
        fixture.Model.SetScript(_ => ModelReply.Text("Done."));
        var (grain, id) = await CreateAsync(Every(5));
        var slot = (await fixture.RowAsync(id))!.NextRunAt!.Value;

        fixture.Time.Advance(TimeSpan.FromMinutes(5));
        await grain.ReceiveReminder(BotGrain.ScheduleReminder, default);
        await grain.ReceiveReminder(BotGrain.ScheduleReminder, default);

        var run = await fixture.QueryAsync(db => db.Runs.SingleAsync(r => r.BotId == id));
        Assert.Equal(RunTriggers.Schedule, run.Trigger);
        Assert.Equal($"schedule:{slot:yyyy-MM-ddTHH:mm:ss.FFF}Z", run.Cause);
        Assert.Equal(slot.AddMinutes(5), (await fixture.RowAsync(id))!.NextRunAt);
    }

    [Fact]
    public async Task ASlotKeepsTheMillisecondItsScheduleWasSetIn()
    {
        fixture.Model.SetScript(_ => ModelReply.Text("Done."));
        fixture.Time.Advance(TimeSpan.FromMilliseconds(1250 - fixture.Time.GetUtcNow().Millisecond));
        var (grain, id) = await CreateAsync(Every(5));
        var slot = (await fixture.RowAsync(id))!.NextRunAt!.Value;

        fixture.Time.Advance(TimeSpan.FromMinutes(5));
        await grain.ReceiveReminder(BotGrain.ScheduleReminder, default);

        Assert.Equal(250, slot.Millisecond);
        var run = await fixture.QueryAsync(db => db.Runs.SingleAsync(r => r.BotId == id));
        Assert.Equal($"schedule:{slot:yyyy-MM-ddTHH:mm:ss}.25Z", run.Cause);
    }

    [Fact]
    public async Task ASlotAlreadyTakenElsewhereDoesNotRunAgain()
    {
        var (grain, id) = await CreateAsync(Every(5));
        var slot = (await fixture.RowAsync(id))!.NextRunAt!.Value;
        await fixture.QueryAsync(db =>
        {
            // What a second silo (or the same one before a crash) wrote for this slot.
            db.Runs.Add(new RunRecord { Id = Ids.New(), BotId = id, OwnerId = "owner", Trigger = RunTriggers.Schedule, Cause = $"schedule:{slot:yyyy-MM-ddTHH:mm:ss.FFF}Z", Status = RunStatuses.Completed });
            return db.SaveChangesAsync();
        });

        fixture.Time.Advance(TimeSpan.FromMinutes(5));
        await grain.ReceiveReminder(BotGrain.ScheduleReminder, default);

        Assert.Equal(1, await fixture.QueryAsync(db => db.Runs.CountAsync(r => r.BotId == id)));
        Assert.Null((await fixture.RowAsync(id))!.ActiveRunId);
    }

    [Fact]
    public async Task ASlotThatFindsTheBotRunningIsSkippedAndSaysSo()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Model.Script = async (_, cancellationToken) =>
        {
            reached.TrySetResult();
            await release.Task.WaitAsync(cancellationToken);
            return ModelReply.Text("Done.");
        };
        var (grain, id) = await CreateAsync(Every(5));
        var running = await grain.StartRunAsync("owner", RunTriggers.Manual, null);
        await reached.Task.WaitAsync(TimeSpan.FromSeconds(10));

        fixture.Time.Advance(TimeSpan.FromMinutes(5));
        await grain.ReceiveReminder(BotGrain.ScheduleReminder, default);
        release.SetResult();
        await fixture.Services.GetRequiredService<RunExecutor>().WaitAsync(running.RunId!, TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Equal(1, await fixture.QueryAsync(db => db.Runs.CountAsync(r => r.BotId == id)));
        var activity = await fixture.QueryAsync(db => db.Activity.Where(a => a.BotId == id).Select(a => a.Kind).ToListAsync());
        Assert.Contains("skipped", activity);
        Assert.Contains(await fixture.QueryAsync(db => db.RunLog.Where(l => l.RunId == running.RunId).Select(l => l.Message).ToListAsync()),
            m => m.Contains("skipped"));
    }

    [Theory]
    [InlineData(MissedRunPolicies.RunOnce, 1)]
    [InlineData(MissedRunPolicies.Skip, 0)]
    public async Task SlotsMissedWhileDownFollowTheBotsPolicy(string policy, int runs)
    {
        fixture.Model.SetScript(_ => ModelReply.Text("Done."));
        var (grain, id) = await CreateAsync(Every(5, policy));
        var firstSlot = (await fixture.RowAsync(id))!.NextRunAt!.Value;

        fixture.Time.Advance(TimeSpan.FromMinutes(62));
        await grain.ReceiveReminder(BotGrain.ScheduleReminder, default);

        Assert.Equal(runs, await fixture.QueryAsync(db => db.Runs.CountAsync(r => r.BotId == id)));
        var missed = await fixture.QueryAsync(db => db.Activity.SingleAsync(a => a.BotId == id && a.Kind == "missed"));
        Assert.Contains("Missed 12 slots since", missed.Message);
        Assert.Equal(firstSlot.AddMinutes(60), (await fixture.RowAsync(id))!.NextRunAt);
    }

    [Fact]
    public async Task ASlotOfABotWhoseBudgetIsUsedUpLeavesAnActivityEntryAndNoRun()
    {
        var (grain, id) = await CreateAsync(Every(5) with { MonthlyBudget = 1 });
        var slot = (await fixture.RowAsync(id))!.NextRunAt!.Value;
        await fixture.QueryAsync(db =>
        {
            var now = fixture.Time.GetUtcNow().UtcDateTime;
            db.Runs.Add(new RunRecord { Id = Ids.New(), BotId = id, OwnerId = "owner", Trigger = RunTriggers.Manual, Status = RunStatuses.Completed, CreatedAt = now, Cost = 1.25 });
            return db.SaveChangesAsync();
        });

        fixture.Time.Advance(TimeSpan.FromMinutes(5));
        await grain.ReceiveReminder(BotGrain.ScheduleReminder, default);

        Assert.False(await fixture.QueryAsync(db => db.Runs.AnyAsync(r => r.BotId == id && r.Trigger == RunTriggers.Schedule)));
        var refused = await fixture.QueryAsync(db => db.Activity.SingleAsync(a => a.BotId == id && a.Kind == "budget_exceeded"));
        Assert.StartsWith("Not started (schedule): Budget exceeded: this bot's monthly budget of $1 is used up ($1.25 spent in", refused.Message, StringComparison.Ordinal);
        Assert.Equal(slot.AddMinutes(5), (await fixture.RowAsync(id))!.NextRunAt);
    }

    private async Task<(IBotGrain Grain, string Id)> CreateAsync(BotSpec spec)
    {
        var id = Ids.New();
        var grain = fixture.Grains.GetGrain<IBotGrain>(id);
        Assert.True(await grain.CreateAsync("owner", spec));
        return (grain, id);
    }
}
