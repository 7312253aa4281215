using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Runs;

/// <summary>
/// Inserts run log lines with one multi-row INSERT per <see cref="RowsPerStatement"/> lines. EF Core
/// sends one statement per row on SQLite, each reading back its generated id, which nothing needs
/// here: a run's end wrote half a dozen of them in its commit, and the log writer's batch hundreds.
/// Table and column names come from the model, quoted by the provider, and the values go as
/// parameters, so the statement is the same on SQLite, PostgreSQL and SQL Server.
/// </summary>
public static class RunLogRows
{
    /// <summary>Each column's property and value, in the statement's order.</summary>
    private static readonly (string Property, Func<RunLogRecord, object> Value)[] Columns =
    [
        (nameof(RunLogRecord.RunId), l => l.RunId),
        (nameof(RunLogRecord.Seq), l => l.Seq),
        (nameof(RunLogRecord.At), l => l.At),
        (nameof(RunLogRecord.Kind), l => l.Kind),
        (nameof(RunLogRecord.Message), l => l.Message),
    ];

    /// <summary>SQL Server takes at most 2,100 parameters per statement.</summary>
    public static int RowsPerStatement => 2000 / Columns.Length;

    /// <summary>Inserts <paramref name="lines"/>, in the context's current transaction if it has one.</summary>
    public static async Task InsertAsync(OrchestratorDbContext db, IReadOnlyList<RunLogRecord> lines, CancellationToken cancellationToken = default)
    {
        foreach (var chunk in lines.Chunk(RowsPerStatement))
        {
            var values = chunk.SelectMany(l => Columns.Select(c => c.Value(l))).ToArray();
            await db.Database.ExecuteSqlRawAsync(Statement(db, chunk.Length), values, cancellationToken);
        }
    }

    /// <summary>INSERT INTO "run_log" ("run_id", "seq", "at", "kind", "message") VALUES ({0}, {1}, {2}, {3}, {4}), ({5}, …</summary>
    private static string Statement(OrchestratorDbContext db, int rows)
    {
        var quote = db.GetService<ISqlGenerationHelper>();
        var entity = db.Model.FindEntityType(typeof(RunLogRecord))!;
        var sql = new StringBuilder("INSERT INTO ")
            .Append(quote.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema()))
            .Append(" (")
            .AppendJoin(", ", Columns.Select(c => quote.DelimitIdentifier(entity.FindProperty(c.Property)!.GetColumnName())))
            .Append(") VALUES ");
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "(" : ", (")
                .AppendJoin(", ", Enumerable.Range(row * Columns.Length, Columns.Length).Select(n => $"{{{n}}}"))
                .Append(')');
        }

        return sql.ToString();
    }
}
