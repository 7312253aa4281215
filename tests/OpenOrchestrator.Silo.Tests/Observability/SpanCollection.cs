using System.Collections;
using System.Diagnostics;
using TraceSpan = System.Diagnostics.Activity;

namespace OpenOrchestrator.Silo.Tests.Observability;

/// <summary>
/// What the in-memory exporter writes to: every ended span of the process (other hosts' too, so
/// tests pick theirs by trace), safe to read while spans still arrive, with a wait for one.
/// </summary>
public sealed class SpanCollection : ICollection<TraceSpan>
{
    private readonly List<TraceSpan> _spans = [];
    private readonly List<(Func<TraceSpan, bool> Match, TaskCompletionSource<TraceSpan> Found)> _waiters = [];
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _spans.Count;
            }
        }
    }

    public bool IsReadOnly => false;

    public void Add(TraceSpan item)
    {
        lock (_lock)
        {
            _spans.Add(item);
            foreach (var waiter in _waiters.Where(w => w.Match(item)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Found.TrySetResult(item);
            }
        }
    }

    /// <summary>The first span that matches, once it has ended; fails after the deadline.</summary>
    public Task<TraceSpan> WaitForAsync(Func<TraceSpan, bool> match, TimeSpan deadline)
    {
        lock (_lock)
        {
            if (_spans.FirstOrDefault(match) is { } ended)
            {
                return Task.FromResult(ended);
            }

            var found = new TaskCompletionSource<TraceSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, found));
            return found.Task.WaitAsync(deadline);
        }
    }

    public IReadOnlyList<TraceSpan> InTrace(ActivityTraceId trace)
    {
        lock (_lock)
        {
            return [.. _spans.Where(s => s.TraceId == trace)];
        }
    }

    public IEnumerator<TraceSpan> GetEnumerator()
    {
        lock (_lock)
        {
            return _spans.ToList().GetEnumerator();
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public void Clear()
    {
        lock (_lock)
        {
            _spans.Clear();
        }
    }

    public bool Contains(TraceSpan item)
    {
        lock (_lock)
        {
            return _spans.Contains(item);
        }
    }

    public void CopyTo(TraceSpan[] array, int arrayIndex)
    {
        lock (_lock)
        {
            _spans.CopyTo(array, arrayIndex);
        }
    }

    public bool Remove(TraceSpan item)
    {
        lock (_lock)
        {
            return _spans.Remove(item);
        }
    }
}
