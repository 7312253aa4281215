using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Runs;

namespace OpenOrchestrator.Silo.Tests.Runs;

public sealed class RunContextTests
{
    /// <summary>A shutdown or a cancel may reach a run the moment after it ended and let go of its token.</summary>
    [Fact]
    public void StoppingARunThatHasJustEndedDoesNothing()
    {
        var stop = new CancellationTokenSource();
        var run = Running(stop);
        stop.Dispose();

        run.Stop(RunStopReason.Shutdown);

        Assert.Equal(RunStopReason.Shutdown, run.StopReason);
    }

    [Fact]
    public void TheFirstReasonToStopARunIsTheOneReported()
    {
        using var stop = new CancellationTokenSource();
        var run = Running(stop);

        run.Stop(RunStopReason.TimedOut);
        run.Stop(RunStopReason.Cancelled);

        Assert.True(stop.IsCancellationRequested);
        Assert.Equal(RunStopReason.TimedOut, run.StopReason);
    }

    /// <summary>A run as the executor holds it; stopping it touches neither its log nor its bot.</summary>
    private static RunContext Running(CancellationTokenSource stop) =>
        new RunContext(new RunTicket("run", "owner", RunTriggers.Manual, null, DateTime.UtcNow, new RunBot("bot", "Bot", "Prompt", "model", [])), null!, TimeProvider.System, stop);
}
