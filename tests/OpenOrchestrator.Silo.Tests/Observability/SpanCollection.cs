using System.Collections;
using System.Diagnostics;
using OpenOrchestrator.Testing;
using TraceSpan = System.Diagnostics.Activity;

namespace OpenOrchestrator.Silo.Tests.Observability;

/// <summary>
/// What the in-memory exporter writes to: every ended span of the process (other hosts' too, so
/// tests pick theirs by trace), kept in <see cref="Arrivals{T}"/> so a test can wait for one. The
/// exporter only adds; the other collection members read.
/// </summary>
public sealed class SpanCollection : ICollection<TraceSpan>
{
    private readonly Arrivals<TraceSpan> _spans = new();

    public int Count => _spans.Items.Count;

    public bool IsReadOnly => false;

    public void Add(TraceSpan item) => _spans.Add(item);

    /// <summary>The first span that matches, once it has ended; fails after the deadline.</summary>
    public Task<TraceSpan> WaitForAsync(Func<TraceSpan, bool> match, TimeSpan deadline) => _spans.WaitForAsync(match, deadline);

    public IReadOnlyList<TraceSpan> InTrace(ActivityTraceId trace) => [.. _spans.Items.Where(s => s.TraceId == trace)];

    public IEnumerator<TraceSpan> GetEnumerator() => _spans.Items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Contains(TraceSpan item) => _spans.Items.Contains(item);

    public void CopyTo(TraceSpan[] array, int arrayIndex) => _spans.Items.ToList().CopyTo(array, arrayIndex);

    public void Clear() => throw new NotSupportedException("Spans are only added.");

    public bool Remove(TraceSpan item) => throw new NotSupportedException("Spans are only added.");
}
