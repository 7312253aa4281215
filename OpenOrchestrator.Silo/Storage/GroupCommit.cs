using Microsoft.EntityFrameworkCore;

namespace OpenOrchestrator.Silo.Storage;

/// <summary>
/// Group commit for the writes every run makes (its start, its log lines, its end): writes that arrive while a
/// commit is under way go into the next commit together, one transaction for all of them. Under
/// load, many runs share a BEGIN and a COMMIT, SQLite's write gate is taken once, and the
/// pages they all touch (the tables' last pages, the indexes by time) go to the WAL once instead of
/// once per run. Alone, a write commits at once, in its caller's flow: nothing waits for company.
/// </summary>
/// <remarks>
/// A write is a function that adds its rows to the shared transaction: <see cref="Rows"/>'
/// statements, sent in order once every write has staged its own, or entities added to its context
/// for the SaveChanges that follows. It cannot read, so the transaction holds the gate only for
/// writing. When a shared commit fails, each of its writes is committed again on its own, so every
/// caller gets its own outcome: one write's conflict (a unique cause taken) fails only that write.
/// </remarks>
public sealed class GroupCommit(IDbContextFactory<OrchestratorDbContext> dbFactory)
{
    /// <summary>At most this many writes share a commit.</summary>
    public const int MaxWrites = 500;

    private readonly Lock _gate = new();
    private List<Write> _waiting = [];
    private bool _committing;

    /// <summary>Commits <paramref name="stage"/>'s changes, with whatever other writes are waiting; returns once they are stored.</summary>
    public async Task SaveAsync(Action<Rows> stage)
    {
        var write = new Write(stage);
        bool lead;
        lock (_gate)
        {
            _waiting.Add(write);
            lead = !_committing;
            _committing = true;
        }

        if (lead)
        {
            // This caller commits what is waiting, its own write among it; whatever arrives meanwhile
            // is committed next, on the thread pool, so this caller goes on once its write is stored.
            await CommitNextAsync();
            if (!Release())
            {
                _ = Task.Run(CommitRestAsync);
            }
        }

        await write.Stored.Task;
    }

    private async Task CommitRestAsync()
    {
        do
        {
            await CommitNextAsync();
        }
        while (!Release());
    }

    /// <summary>Ends the committing when nothing waits: true when it ended.</summary>
    private bool Release()
    {
        lock (_gate)
        {
            _committing = _waiting.Count > 0;
            return !_committing;
        }
    }

    private async Task CommitNextAsync()
    {
        List<Write> writes;
        lock (_gate)
        {
            writes = _waiting;
            _waiting = [];
            if (writes.Count > MaxWrites)
            {
                _waiting = writes[MaxWrites..];
                writes.RemoveRange(MaxWrites, writes.Count - MaxWrites);
            }
        }

        if (writes.Count > 1)
        {
            try
            {
                await CommitAsync(writes);
                writes.ForEach(w => w.Stored.TrySetResult());
                return;
            }
            catch (Exception)
            {
                // Each write again on its own: only the ones that fail alone report failure.
            }
        }

        foreach (var write in writes)
        {
            await CommitAloneAsync(write);
        }
    }

    private async Task CommitAloneAsync(Write write)
    {
        try
        {
            await CommitAsync([write]);
            write.Stored.TrySetResult();
        }
        catch (Exception e)
        {
            write.Stored.TrySetException(e);
        }
    }

    private async Task CommitAsync(List<Write> writes)
    {
        await using var db = await dbFactory.CreateDbContextAsync();

        // A failed commit is given up whole (its writes are tried again alone): no savepoint to return to.
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var rows = new Rows(db);
        writes.ForEach(write => write.Stage(rows));
        await rows.ExecuteAsync();
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    private sealed class Write(Action<Rows> stage)
    {
        public Action<Rows> Stage { get; } = stage;

        /// <summary>Completes once the write is stored; its caller goes on in its own context, not the committer's.</summary>
        public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
