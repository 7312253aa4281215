using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace OpenOrchestrator.Silo.Storage;

/// <summary>
/// Copies the WAL's committed pages into the SQLite database file in the background, and keeps the
/// WAL bounded. SQLite's own automatic checkpoint runs inside the commit that takes the WAL past
/// 1,000 pages: that commit, and every writer queued behind it in <see cref="SqliteWriteGate"/>,
/// waited for the copy and its fsync. Connections turn it off (<see cref="SqlitePragmas"/>); this
/// service instead, <see cref="Period"/> after a write (and then every period while writes go on):
/// <list type="number">
/// <item>checkpoints PASSIVE, beside the writers: it waits for no one and copies what no reader still needs;</item>
/// <item>when the WAL still holds more than <see cref="RestartAbovePages"/> pages, holds the write gate
/// and checkpoints RESTART: it copies the rest, waits (briefly) for readers of the old pages, and makes
/// the next writer start the WAL over. PASSIVE alone never gets there under steady load, because some
/// reader is always inside the WAL, and the file would grow without bound.</item>
/// </list>
/// Once a pass has copied every page it waits for the next write through the gate, with no timer:
/// the silo at rest stays quiet.
/// SQLite also checkpoints when the last connection closes, at shutdown.
/// </summary>
public sealed partial class SqliteCheckpointer(
    string connectionString, SqliteWriteGate gate, TimeProvider time, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(500);

    /// <summary>8 MiB of 4 KiB pages: past this the WAL is started over.</summary>
    public const int RestartAbovePages = 2000;

    /// <summary>How long the RESTART step waits for readers (with the writers held) before it leaves it to the next period.</summary>
    private const int ReaderWaitMs = 100;

    /// <summary>The gate's write count at the last pass that copied every page; -1 before the first.</summary>
    private long _settledAt = -1;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await gate.WrittenSinceAsync(_settledAt, stoppingToken);
                await Task.Delay(Period, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            var writes = gate.Writes;
            try
            {
                if (await CheckpointAsync(stoppingToken) is var (pages, copied) && copied >= pages)
                {
                    _settledAt = writes;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogCheckpointFailed(e);
            }
        }
    }

    /// <summary>One pass; returns how many pages the WAL holds after it (0 once started over) and how many of them are in the database file.</summary>
    public async Task<(long Pages, long Copied)> CheckpointAsync(CancellationToken cancellationToken = default)
    {
        // A connection of its own, outside EF Core: the write gate tracks EF's connections, and this one only checkpoints.
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var (_, pages, copied) = await WalCheckpointAsync(connection, "PASSIVE", cancellationToken);
        if (pages <= RestartAbovePages)
        {
            return (pages, copied);
        }

        using (await gate.HoldAsync(cancellationToken))
        {
            await ExecuteAsync(connection, $"PRAGMA busy_timeout={ReaderWaitMs};", cancellationToken);
            try
            {
                var (busy, _, _) = await WalCheckpointAsync(connection, "RESTART", cancellationToken);
                return busy ? (pages, copied) : (0, 0);
            }
            finally
            {
                await ExecuteAsync(connection, $"PRAGMA busy_timeout={SqlitePragmas.BusyTimeoutMs};", CancellationToken.None);
            }
        }
    }

    /// <summary>SQLite answers (busy, pages in the WAL, pages copied); -1 pages when the database is not in WAL mode.</summary>
    private static async Task<(bool Busy, long Pages, long Copied)> WalCheckpointAsync(DbConnection connection, string mode, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode});";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0) != 0, reader.GetInt64(1), reader.GetInt64(2));
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQLite WAL checkpoint failed; the next one tries again")]
    private partial void LogCheckpointFailed(Exception exception);
}
