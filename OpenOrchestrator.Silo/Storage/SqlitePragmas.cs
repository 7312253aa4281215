using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OpenOrchestrator.Silo.Storage;

/// <summary>
/// WAL with synchronous=NORMAL: a commit survives a crash of the process (kill -9 included) without an
/// fsync per commit; only a power cut may lose the last moments. This process's writers queue in
/// <see cref="SqliteWriteGate"/>; another process holding the file is waited for by SQLite itself
/// (short back-off) rather than by the client's coarse retry loop. No commit checkpoints the WAL:
/// <see cref="SqliteCheckpointer"/> does, in the background. The pragmas belong to the native
/// connection, which the client's pool keeps open across uses: they are set once per native connection,
/// not at every open.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public const int BusyTimeoutMs = 30_000;

    private readonly ConditionalWeakTable<object, object> _applied = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } || _applied.TryGetValue(handle, out _))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA synchronous=NORMAL; PRAGMA busy_timeout={BusyTimeoutMs}; PRAGMA wal_autocheckpoint=0;";
        command.ExecuteNonQuery();
        _applied.AddOrUpdate(handle, handle);
    }
}
