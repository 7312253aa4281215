namespace OpenOrchestrator.Frontend.Services;

/// <summary>
/// Snapshot, then deltas (as the Aspire dashboard's resource list does): a view reads its list while
/// live changes keep arriving, and the answer may predate a change that arrived during the read. Each
/// change is applied at once and, if a read is under way, again over its answer. A newer read
/// replaces an older one, and only the newest answer is shown.
/// </summary>
public sealed class SnapshotThenDeltas
{
    private List<Action>? _sinceRead;

    /// <summary>Applies a live change now, and again over the answer of the read under way, if one is.</summary>
    public void Apply(Action change)
    {
        _sinceRead?.Add(change);
        change();
    }

    /// <summary>Reads, shows the answer unless a newer read began meanwhile, then applies the changes since this read began.</summary>
    public async Task ReadAsync<T>(Func<Task<T>> read, Action<T> show)
    {
        var sinceRead = _sinceRead = [];
        try
        {
            var answer = await read();
            if (ReferenceEquals(sinceRead, _sinceRead))
            {
                show(answer);
                sinceRead.ForEach(change => change());
            }
        }
        finally
        {
            if (ReferenceEquals(sinceRead, _sinceRead))
            {
                _sinceRead = null;
            }
        }
    }
}
