using Microsoft.Extensions.DependencyInjection;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Runs;
using OpenOrchestrator.Silo.Storage;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Grains;

[Collection(GrainCollection.Name)]
public sealed class BotGrainTests(GrainFixture fixture)
{
    private static readonly BotSpec Spec = new() { Name = "Dev-Bot", Emoji = "💻", Prompt = "Build to spec.", Model = "m", Tools = [ToolNames.Files] };

    [Fact]
    public async Task TheBotLivesInItsRowAndSurvivesDeactivation()
    {
        var id = Ids.New();
        var grain = fixture.Grains.GetGrain<IBotGrain>(id);

        Assert.True(await grain.CreateAsync("owner-1", Spec));
        await fixture.Cluster.DeactivateAsync(grain);
        Assert.True(await grain.UpdateAsync("owner-1", Spec with { Name = "Dev-Bot 2", Enabled = false }));

        var row = (await fixture.RowAsync(id))!;
        Assert.Equal("Dev-Bot 2", row.Name);
        Assert.Equal("💻", row.Emoji);
        Assert.Equal(["files"], row.Tools);
        Assert.Equal(["dashboard"], row.Notify);
        Assert.False(row.Enabled);
        Assert.Equal(BotStatuses.Paused, row.Status);
        Assert.EndsWith(id, row.DocsPath);
    }

    [Fact]
    public async Task ABotIdIsCreatedOnce()
    {
        var grain = fixture.Grains.GetGrain<IBotGrain>(Ids.New());

        Assert.True(await grain.CreateAsync("owner-1", Spec));
        Assert.False(await grain.CreateAsync("owner-2", Spec with { Name = "Other" }));
        Assert.False(await grain.UpdateAsync("owner-2", Spec with { Name = "Other" }));
    }

    [Fact]
    public async Task TheGrainRefusesAnInvalidSpecAndKeepsItsState()
    {
        var id = Ids.New();
        var grain = fixture.Grains.GetGrain<IBotGrain>(id);
        await grain.CreateAsync("owner-1", Spec);

        await Assert.ThrowsAsync<ArgumentException>(() => grain.UpdateAsync("owner-1", Spec with { Tools = ["teleport"] }));

        Assert.Equal(["files"], (await fixture.RowAsync(id))!.Tools);
    }

    [Fact]
    public async Task AnotherOwnerCanNeitherRunNorChangeNorDelete()
    {
        var id = Ids.New();
        var grain = fixture.Grains.GetGrain<IBotGrain>(id);
        await grain.CreateAsync("owner-1", Spec);

        Assert.Equal(StartRunOutcome.NotFound, (await grain.StartRunAsync("intruder", RunTriggers.Manual, null)).Outcome);
        Assert.False(await grain.UpdateAsync("intruder", Spec with { Name = "Mine" }));
        Assert.False(await grain.DeleteAsync("intruder"));
        Assert.Equal("Dev-Bot", (await fixture.RowAsync(id))!.Name);
    }

    [Fact]
    public async Task ABotRunsOneRunAtATime()
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Model.Script = async (_, cancellationToken) =>
        {
            reached.TrySetResult();
            await release.Task.WaitAsync(cancellationToken);
            return ModelReply.Text("Done.");
        };
        var id = Ids.New();
        var grain = fixture.Grains.GetGrain<IBotGrain>(id);
        await grain.CreateAsync("owner-1", Spec);

        var first = await grain.StartRunAsync("owner-1", RunTriggers.Manual, null);
        await reached.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var second = await grain.StartRunAsync("owner-1", RunTriggers.Manual, null);

        Assert.Equal(StartRunOutcome.Started, first.Outcome);
        Assert.Equal(new StartRunResult(StartRunOutcome.AlreadyRunning, first.RunId), second);
        Assert.Equal(first.RunId, (await fixture.RowAsync(id))!.ActiveRunId);

        var executor = fixture.Services.GetRequiredService<Silo.Runs.RunExecutor>();
        release.SetResult();
        await executor.WaitAsync(first.RunId!, TimeSpan.FromSeconds(10), CancellationToken.None);
        var row = (await fixture.RowAsync(id))!;
        Assert.Null(row.ActiveRunId);
        Assert.Equal(RunStatuses.Completed, row.LastRunStatus);
        Assert.Equal(StartRunOutcome.Started, (await grain.StartRunAsync("owner-1", RunTriggers.Manual, null)).Outcome);
    }
}
