using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OpenOrchestrator.Silo.Storage;

/// <summary>
/// WAL with synchronous=NORMAL: a commit survives a crash of the process (kill -9 included) without an
/// fsync per commit; only a power cut may lose the last moments. This process's writers queue in
/// <see cref="SqliteWriteGate"/>; another process holding the file is waited for by SQLite itself
/// (short back-off) rather than by the client's coarse retry loop. Both pragmas are per connection.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";
        command.ExecuteNonQuery();
    }
}
