namespace OpenOrchestrator.Testing;

/// <summary>
/// What a test server or listener received, in order; a test waits for the first that matches,
/// already here or still to come, with a deadline. A match is tried once per item, in order.
/// </summary>
public sealed class Arrivals<T>
{
    private readonly Lock _gate = new();
    private readonly List<T> _items = [];
    private readonly List<(Func<T, bool> Match, TaskCompletionSource<T> Found)> _waiters = [];

    public IReadOnlyList<T> Items
    {
        get
        {
            lock (_gate)
            {
                return [.. _items];
            }
        }
    }

    public void Add(T item)
    {
        lock (_gate)
        {
            _items.Add(item);
            foreach (var waiter in _waiters.Where(w => w.Match(item)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Found.TrySetResult(item);
            }
        }
    }

    public Task<T> WaitForAsync(Func<T, bool> match, TimeSpan deadline)
    {
        var found = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            foreach (var item in _items)
            {
                if (match(item))
                {
                    return Task.FromResult(item);
                }
            }

            _waiters.Add((match, found));
        }

        return found.Task.WaitAsync(deadline);
    }
}
