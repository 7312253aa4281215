using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace OpenOrchestrator.Silo.Storage;

/// <summary>
/// Silos that start together on one PostgreSQL database (Aspire's replicas, a scaled deployment)
/// migrate it one at a time: whoever comes first creates the database, then each takes a session
/// advisory lock, applies what is still pending (nothing, for all but the first) and lets go.
/// </summary>
public static class PostgreSqlMigration
{
    /// <summary>The advisory lock's key: any fixed number other applications on the server do not use.</summary>
    private const long LockKey = 0x4f4f_6d69_6772_6174; // "OOmigrat"

    public static async Task MigrateAsync(DbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            try
            {
                await creator.CreateAsync(cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Another silo made it a moment ago.
            }
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({LockKey})", cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            // Closing the session frees the lock too; unlocking first says so at once on a pooled connection.
            if (db.Database.GetDbConnection().State == System.Data.ConnectionState.Open)
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
            }

            await db.Database.CloseConnectionAsync();
        }
    }
}
