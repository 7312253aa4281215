using Microsoft.EntityFrameworkCore;

namespace OpenOrchestrator.Silo.Storage;

/// <summary>
/// Copies the WAL's committed pages into the SQLite database file, in the background. SQLite's own
/// automatic checkpoint runs inside the commit that takes the WAL past 1,000 pages: that commit, and
/// every writer queued behind it in <see cref="SqliteWriteGate"/>, waited for the copy and its fsync,
/// a run's end or start now and then taking milliseconds longer. Connections turn it off
/// (<see cref="SqlitePragmas"/>); this service checkpoints PASSIVE (it waits for no reader or writer,
/// and writers go on appending meanwhile) every <see cref="Period"/>. SQLite also checkpoints when the
/// last connection closes, at shutdown.
/// </summary>
public sealed partial class SqliteCheckpointer(
    IDbContextFactory<OrchestratorDbContext> dbFactory, TimeProvider time, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckpointAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogCheckpointFailed(e);
            }
        }
    }

    public async Task CheckpointAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE);", cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQLite WAL checkpoint failed; the next one tries again")]
    private partial void LogCheckpointFailed(Exception exception);
}
