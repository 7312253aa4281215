using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OpenOrchestrator.Silo.Storage;

/// <summary>
/// SQLite takes one writer at a time; a second writer that finds the file locked sleeps in SQLite's
/// busy handler (1, 2, 5, 10… ms) while holding a thread. This gate lets this process's writers
/// queue for the lock asynchronously instead: a transaction holds it from its start to its end, a
/// write outside a transaction (EF's single-statement save, ExecuteUpdate/Delete) for its command.
/// Reads never wait (WAL). Whatever a connection still holds when it closes is given back then.
/// </summary>
public sealed class SqliteWriteGate : IDbTransactionInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor, IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly ConditionalWeakTable<DbConnection, Hold> _holds = [];
    private long _writes;
    private TaskCompletionSource? _nextWrite;

    /// <summary>How many times a writer gave the gate back: what the checkpointer asks to know whether anything was written since.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>Completes once <see cref="Writes"/> is past <paramref name="writes"/>: at once when it already is.</summary>
    public async Task WrittenSinceAsync(long writes, CancellationToken cancellationToken)
    {
        while (Writes == writes)
        {
            var fresh = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var next = Interlocked.CompareExchange(ref _nextWrite, fresh, null) ?? fresh;

            // Asked for after the count was read: a write in between completed no one, so read it again.
            if (Writes != writes)
            {
                return;
            }

            await next.Task.WaitAsync(cancellationToken);
        }
    }

    public void Dispose() => _lock.Dispose();

    /// <summary>Holds the gate for no connection (the checkpointer's RESTART): no writer of this process starts until it is disposed.</summary>
    public async Task<IDisposable> HoldAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        return new Releaser(_lock);
    }

    // Transactions: the gate from BEGIN to COMMIT or ROLLBACK.
    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(connection, byCommand: false, cancellationToken);
        return result;
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(connection, byCommand: false);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Leave(ConnectionOf(transaction, eventData), byCommand: false);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Left(ConnectionOf(transaction, eventData), byCommand: false);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Leave(ConnectionOf(transaction, eventData), byCommand: false);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Left(ConnectionOf(transaction, eventData), byCommand: false);

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Leave(ConnectionOf(transaction, eventData), byCommand: false);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Left(ConnectionOf(transaction, eventData), byCommand: false);

    // A write outside a transaction: the gate for its command (a reader's until it is disposed: SQLite commits then).
    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        EnteredAsync(command, eventData, result, cancellationToken);

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) => Entered(command, eventData, result);

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        EnteredAsync(command, eventData, result, cancellationToken);

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Entered(command, eventData, result);

    public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        EnteredAsync(command, eventData, result, cancellationToken);

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) => Entered(command, eventData, result);

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) => LeftWith(command, result);

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(LeftWith(command, result));

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) => LeftWith(command, result);

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(LeftWith(command, result));

    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result) => LeftWith(command, result);

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Leave(command.Connection, byCommand: true);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Left(command.Connection, byCommand: true);

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Leave(command.Connection, byCommand: true);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default) =>
        Left(command.Connection, byCommand: true);

    // A transaction disposed without COMMIT or ROLLBACK ends when its connection closes.
    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection, byCommand: null);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection, byCommand: null);
        return ValueTask.FromResult(result);
    }

    /// <summary>
    /// True for a command that writes, as EF Core says where it comes from: SaveChanges, ExecuteUpdate
    /// and ExecuteDelete write, LINQ queries read. Only raw SQL (and a source EF does not name) is told
    /// by its first word.
    /// </summary>
    public static bool IsWrite(CommandSource source, string sql) => source switch
    {
        CommandSource.SaveChanges or CommandSource.ExecuteUpdate or CommandSource.ExecuteDelete => true,
        CommandSource.LinqQuery => false,
        _ => IsWrite(sql),
    };

    /// <summary>True for raw SQL that writes; reads (and PRAGMAs) pass without the gate.</summary>
    public static bool IsWrite(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        return text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("REPLACE", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A finished ADO.NET transaction has let go of its connection; the context still knows it.</summary>
    private static DbConnection? ConnectionOf(DbTransaction transaction, TransactionEventData eventData) =>
        eventData.Context?.Database.GetDbConnection() ?? transaction.Connection;

    private static bool NeedsGate(DbCommand command, CommandEventData eventData) =>
        command.Transaction is null && IsWrite(eventData.CommandSource, command.CommandText);

    private async ValueTask<T> EnteredAsync<T>(DbCommand command, CommandEventData eventData, T result, CancellationToken cancellationToken)
    {
        if (NeedsGate(command, eventData))
        {
            await EnterAsync(command.Connection!, byCommand: true, cancellationToken);
        }

        return result;
    }

    private T Entered<T>(DbCommand command, CommandEventData eventData, T result)
    {
        if (NeedsGate(command, eventData))
        {
            Enter(command.Connection!, byCommand: true);
        }

        return result;
    }

    private T LeftWith<T>(DbCommand command, T result)
    {
        Leave(command.Connection, byCommand: true);
        return result;
    }

    private async Task EnterAsync(DbConnection connection, bool byCommand, CancellationToken cancellationToken)
    {
        var hold = _holds.GetOrCreateValue(connection);
        if (hold.Held)
        {
            return;
        }

        await _lock.WaitAsync(cancellationToken);
        (hold.Held, hold.ByCommand) = (true, byCommand);
    }

    private void Enter(DbConnection connection, bool byCommand)
    {
        var hold = _holds.GetOrCreateValue(connection);
        if (hold.Held)
        {
            return;
        }

        _lock.Wait();
        (hold.Held, hold.ByCommand) = (true, byCommand);
    }

    private Task Left(DbConnection? connection, bool? byCommand)
    {
        Leave(connection, byCommand);
        return Task.CompletedTask;
    }

    /// <summary>Gives the gate back if this connection holds it for that reason (<paramref name="byCommand"/> null: for any).</summary>
    private void Leave(DbConnection? connection, bool? byCommand)
    {
        if (connection is not null && _holds.TryGetValue(connection, out var hold) && hold.Held && (byCommand is null || hold.ByCommand == byCommand))
        {
            hold.Held = false;
            Interlocked.Increment(ref _writes);
            _lock.Release();
            Interlocked.Exchange(ref _nextWrite, null)?.TrySetResult();
        }
    }

    private sealed class Releaser(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }

    private sealed class Hold
    {
        public bool Held { get; set; }

        public bool ByCommand { get; set; }
    }
}
