using Microsoft.Extensions.Time.Testing;

namespace OpenOrchestrator.Silo.Tests.Tools;

/// <summary>A fake clock that tells when something starts waiting on it, so a test knows a wait began without sleeping.</summary>
internal sealed class WatchedTime : FakeTimeProvider
{
    private readonly TaskCompletionSource _waiting = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first timer is made on this clock (a <c>Task.Delay</c> on it, for one).</summary>
    public Task Waiting => _waiting.Task;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _waiting.TrySetResult();
        return base.CreateTimer(callback, state, dueTime, period);
    }
}
