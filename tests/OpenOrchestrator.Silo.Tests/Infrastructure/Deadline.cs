namespace OpenOrchestrator.Silo.Tests.Infrastructure;

/// <summary>
/// A call that must answer in time, run on a pool thread: a call stuck before its first await (opening a
/// pipe blocks the caller) never returns a task to wait on, and would hang the test instead of failing it.
/// </summary>
public static class Deadline
{
    public static Task<T> Within<T>(TimeSpan limit, Func<Task<T>> call) => Task.Run(call).WaitAsync(limit);

    public static Task Within(TimeSpan limit, Func<Task> call) => Task.Run(call).WaitAsync(limit);
}
