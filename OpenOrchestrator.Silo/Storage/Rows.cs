using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace OpenOrchestrator.Silo.Storage;

/// <summary>
/// Plain INSERT and UPDATE statements for the rows every run writes (its run row, the bot's state,
/// its results, log lines, activity entry and notification), sent at once in the context's
/// current transaction. SaveChanges
/// tracks, sorts and batches the entities and reads back what the database generated; for a run's
/// few rows that machinery cost more than the statements themselves. Tables, columns and value
/// conversions come from the EF model, names are quoted by the provider and values go as
/// parameters made by each property's type mapping, so the statements are the same on SQLite,
/// PostgreSQL and SQL Server. A row the database numbers is inserted alone and its number read back.
/// </summary>
public static class Rows
{
    /// <summary>SQL Server takes at most 2,100 parameters per statement.</summary>
    public const int MaxParameters = 2000;

    /// <summary>Inserts <paramref name="rows"/>, as few multi-row statements as the parameter limit allows.</summary>
    public static async Task InsertAsync<T>(OrchestratorDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken = default)
        where T : class
    {
        var entity = EntityOf<T>(db);
        var columns = Inserted(entity);
        var sql = new SqlBuilder(db);
        foreach (var chunk in rows.Chunk(MaxParameters / columns.Count))
        {
            sql.Start("INSERT INTO ").Table(entity).Append(" (").Columns(columns).Append(") VALUES ");
            foreach (var (row, index) in chunk.Select((r, i) => (r, i)))
            {
                sql.Append(index == 0 ? "(" : ", (").Values(columns, row).Append(")");
            }

            await sql.ExecuteAsync(cancellationToken);
        }
    }

    /// <summary>Inserts one row whose key the database numbers (an identity column) and returns that number.</summary>
    public static async Task<long> InsertNumberedAsync<T>(OrchestratorDbContext db, T row, CancellationToken cancellationToken = default)
        where T : class
    {
        var entity = EntityOf<T>(db);
        var key = entity.FindPrimaryKey()!.Properties.Single(IsGeneratedKey);
        var columns = Inserted(entity);
        var sql = new SqlBuilder(db).Start("INSERT INTO ").Table(entity).Append(" (").Columns(columns).Append(")");

        // The key as the one column named Value, how EF Core reads a query of numbers.
        var sqlServer = db.Database.ProviderName == "Microsoft.EntityFrameworkCore.SqlServer";
        if (sqlServer)
        {
            sql.Append(" OUTPUT INSERTED.").Column(key).Append(" AS ").Name("Value");
        }

        sql.Append(" VALUES (").Values(columns, row).Append(")");
        if (!sqlServer)
        {
            sql.Append(" RETURNING ").Column(key).Append(" AS ").Name("Value");
        }

        return await sql.QueryNumberAsync(cancellationToken);
    }

    /// <summary>Writes the columns of <paramref name="properties"/> to <paramref name="row"/>'s stored row, found by its key.</summary>
    public static Task UpdateAsync<T>(OrchestratorDbContext db, T row, IEnumerable<string> properties, CancellationToken cancellationToken = default)
        where T : class
    {
        var entity = EntityOf<T>(db);
        return UpdateAsync(db, entity, row, [.. properties.Select(p => entity.GetProperty(p))], cancellationToken);
    }

    /// <summary>Writes the columns in which <paramref name="row"/> differs from <paramref name="stored"/> (by the model's comparers); nothing when none does.</summary>
    public static Task UpdateAsync<T>(OrchestratorDbContext db, T row, T stored, CancellationToken cancellationToken = default)
        where T : class
    {
        var entity = EntityOf<T>(db);
        var changed = entity.GetProperties()
            .Where(p => !p.IsPrimaryKey() && !p.GetValueComparer().Equals(p.GetGetter().GetClrValue(row), p.GetGetter().GetClrValue(stored)))
            .ToList();
        return changed.Count == 0 ? Task.CompletedTask : UpdateAsync(db, entity, row, changed, cancellationToken);
    }

    private static async Task UpdateAsync<T>(OrchestratorDbContext db, IEntityType entity, T row, IReadOnlyList<IProperty> columns, CancellationToken cancellationToken)
        where T : class
    {
        var sql = new SqlBuilder(db).Start("UPDATE ").Table(entity).Append(" SET ");
        foreach (var (column, index) in columns.Select((c, i) => (c, i)))
        {
            sql.Append(index == 0 ? "" : ", ").Column(column).Append(" = ").Value(column, row);
        }

        sql.Append(" WHERE ");
        foreach (var (key, index) in entity.FindPrimaryKey()!.Properties.Select((k, i) => (k, i)))
        {
            sql.Append(index == 0 ? "" : " AND ").Column(key).Append(" = ").Value(key, row);
        }

        var affected = await sql.ExecuteAsync(cancellationToken);
        if (affected != 1)
        {
            throw new DbUpdateConcurrencyException($"Updating a row of {entity.GetTableName()} affected {affected} rows instead of 1: it is gone.");
        }
    }

    private static IEntityType EntityOf<T>(OrchestratorDbContext db) =>
        db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");

    /// <summary>The columns an INSERT names: all but an identity key.</summary>
    private static List<IProperty> Inserted(IEntityType entity) => [.. entity.GetProperties().Where(p => !IsGeneratedKey(p))];

    /// <summary>An identity key: the database numbers the row.</summary>
    private static bool IsGeneratedKey(IProperty property) => property.IsPrimaryKey() && property.ValueGenerated != ValueGenerated.Never;

    /// <summary>One statement's text and parameters.</summary>
    private sealed class SqlBuilder(OrchestratorDbContext db)
    {
        private readonly ISqlGenerationHelper _names = db.GetService<ISqlGenerationHelper>();
        private readonly StringBuilder _text = new();
        private readonly List<DbParameter> _parameters = [];
        private DbCommand? _parameterSource;

        public SqlBuilder Start(string text)
        {
            _text.Clear().Append(text);
            _parameters.Clear();
            return this;
        }

        public SqlBuilder Append(string text)
        {
            _text.Append(text);
            return this;
        }

        public SqlBuilder Table(IEntityType entity) => Append(_names.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema()));

        public SqlBuilder Column(IProperty property) => Name(property.GetColumnName());

        public SqlBuilder Name(string name) => Append(_names.DelimitIdentifier(name));

        public SqlBuilder Columns(IEnumerable<IProperty> properties)
        {
            _text.AppendJoin(", ", properties.Select(p => _names.DelimitIdentifier(p.GetColumnName())));
            return this;
        }

        public SqlBuilder Values(IEnumerable<IProperty> properties, object row)
        {
            foreach (var (property, index) in properties.Select((p, i) => (p, i)))
            {
                Append(index == 0 ? "" : ", ").Value(property, row);
            }

            return this;
        }

        /// <summary>The property's value as a parameter, converted as the model stores it.</summary>
        public SqlBuilder Value(IProperty property, object row)
        {
            var name = $"p{_parameters.Count}";
            _parameterSource ??= db.Database.GetDbConnection().CreateCommand();
            _parameters.Add(property.GetRelationalTypeMapping().CreateParameter(
                _parameterSource, _names.GenerateParameterName(name), property.GetGetter().GetClrValue(row), property.IsNullable));
            return Append(_names.GenerateParameterNamePlaceholder(name));
        }

        /// <summary>Runs the statement; a constraint the database enforces fails it as SaveChanges would.</summary>
        public Task<int> ExecuteAsync(CancellationToken cancellationToken) =>
            RunAsync(() => db.Database.ExecuteSqlRawAsync(_text.ToString(), [.. _parameters], cancellationToken));

        /// <summary>Runs the statement for the one number it returns.</summary>
        public Task<long> QueryNumberAsync(CancellationToken cancellationToken) =>
            RunAsync(async () => (await db.Database.SqlQueryRaw<long>(_text.ToString(), [.. _parameters]).ToListAsync(cancellationToken)).Single());

        private async Task<TResult> RunAsync<TResult>(Func<Task<TResult>> statement)
        {
            try
            {
                return await statement();
            }
            catch (DbException e)
            {
                throw new DbUpdateException(e.Message, e);
            }
            finally
            {
                _parameterSource?.Dispose();
                _parameterSource = null;
            }
        }
    }
}
