namespace OpenOrchestrator.Testing;

/// <summary>
/// A request a scripted server never answers (a hung provider): it is held until the client gives up or
/// the server stops, and at most <see cref="Deadline"/>, so a test that forgets to give up fails instead of hanging.
/// </summary>
public static class Held
{
    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);

    /// <summary>Returns by throwing: <see cref="OperationCanceledException"/> once <paramref name="released"/> is cancelled, <see cref="TimeoutException"/> past the deadline.</summary>
    public static async Task UntilCancelledAsync(CancellationToken released)
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (released.Register(() => cancelled.TrySetResult()))
        {
            await cancelled.Task.WaitAsync(Deadline, CancellationToken.None);
        }

        throw new OperationCanceledException(released);
    }
}
