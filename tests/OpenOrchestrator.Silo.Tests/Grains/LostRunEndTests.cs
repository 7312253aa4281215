using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Bots;
using OpenOrchestrator.Silo.Runs;
using OpenOrchestrator.Silo.Storage;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Grains;

/// <summary>
/// The end of a run that does not reach its bot (the database refused the write, the bot's silo was
/// unreachable): it is offered again, and if it never arrives the bot does not stay "running".
/// </summary>
[Collection(GrainCollection.Name)]
public sealed class LostRunEndTests(GrainFixture fixture)
{
    private static readonly BotSpec EveryFiveMinutes = new()
    {
        Name = "Scout",
        Prompt = "Look.",
        Model = "m",
        Schedule = new ScheduleSpec { Kind = ScheduleKinds.Interval, EveryMinutes = 5 },
    };

    private RunExecutor Executor => fixture.Services.GetRequiredService<RunExecutor>();

    [Fact]
    public async Task ARunEndTheBotCouldNotTakeAtFirstIsOfferedAgain()
    {
        var (grain, id) = await CreateAsync();
        fixture.Faults.Fail(id, 1);

        var run = await RunAsync(grain);

        Assert.Equal(RunStatuses.Completed, (await RunRowAsync(run)).Status);
        Assert.Null((await fixture.RowAsync(id))!.ActiveRunId);
    }

    [Fact]
    public async Task ARunWhoseEndNeverArrivedEndsAsInterruptedAtTheNextSlotWhichRuns()
    {
        var (grain, id) = await CreateAsync();
        fixture.Faults.Fail(id, int.MaxValue);
        var lost = await RunAsync(grain);
        Assert.Equal(lost, (await fixture.RowAsync(id))!.ActiveRunId);
        fixture.Faults.Fail(id, 0);

        fixture.Time.Advance(TimeSpan.FromMinutes(5));
        await grain.ReceiveReminder(BotGrain.ScheduleReminder, default);

        Assert.Equal((RunStatuses.Failed, "interrupted"), ((await RunRowAsync(lost)).Status, (await RunRowAsync(lost)).Error));
        var next = await fixture.QueryAsync(db => db.Runs.SingleAsync(r => r.BotId == id && r.Id != lost));
        Assert.Equal(RunTriggers.Schedule, next.Trigger);
    }

    [Fact]
    public async Task ABotWhoseRunEndNeverArrivedCanBeStartedAgain()
    {
        var (grain, id) = await CreateAsync();
        fixture.Faults.Fail(id, int.MaxValue);
        var lost = await RunAsync(grain);
        fixture.Faults.Fail(id, 0);

        var again = await grain.StartRunAsync("owner", RunTriggers.Manual, null);

        Assert.Equal(StartRunOutcome.Started, again.Outcome);
        Assert.Equal("interrupted", (await RunRowAsync(lost)).Error);
    }

    /// <summary>Runs the bot once and waits until the executor has let go of the run, its end delivered or not.</summary>
    private async Task<string> RunAsync(IBotGrain grain)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Model.Script = async (_, cancellationToken) =>
        {
            await release.Task.WaitAsync(cancellationToken);
            return ModelReply.Text("Done.");
        };
        var run = (await grain.StartRunAsync("owner", RunTriggers.Manual, null)).RunId!;
        var finished = Executor.WaitAsync(run, TimeSpan.FromSeconds(30), CancellationToken.None);
        release.SetResult();
        await finished;
        Assert.False(Executor.Holds(run));
        return run;
    }

    private Task<RunRecord> RunRowAsync(string runId) => fixture.QueryAsync(db => db.Runs.AsNoTracking().SingleAsync(r => r.Id == runId));

    private async Task<(IBotGrain Grain, string Id)> CreateAsync()
    {
        var id = Ids.New();
        var grain = fixture.Grains.GetGrain<IBotGrain>(id);
        Assert.True(await grain.CreateAsync("owner", EveryFiveMinutes));
        return (grain, id);
    }
}
