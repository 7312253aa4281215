using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace OpenOrchestrator.Silo.Storage;

/// <summary>
/// Plain INSERT and UPDATE statements for the rows every run writes (its run row, the bot's state,
/// its results, log lines, activity entry and notification), gathered, then sent together in one
/// transaction. SaveChanges tracks, sorts and batches the entities and reads back what the
/// database generated; for a run's few rows that machinery cost more than the statements
/// themselves. Tables, columns and value conversions come from the EF model, names are quoted by
/// the provider and values go as parameters made by each property's type mapping, so the
/// statements are the same on SQLite and PostgreSQL. A row the database numbers gets its number
/// read back (RETURNING) and set on it.
/// </summary>
public sealed class Rows(OrchestratorDbContext db)
{
    /// <summary>Parameters per statement at most: a long log batch goes as several statements, each well within every provider's limit.</summary>
    public const int MaxParameters = 2000;

    private readonly ISqlGenerationHelper _names = db.GetService<ISqlGenerationHelper>();
    private readonly List<Statement> _statements = [];

    /// <summary>The context the statements go to: entities added to it are saved with the same commit.</summary>
    public OrchestratorDbContext Context => db;

    /// <summary>Inserts <paramref name="rows"/>, in as few multi-row statements as the parameter limit allows.</summary>
    public Rows Insert<T>(IReadOnlyList<T> rows)
        where T : class
    {
        var table = TableOf<T>();
        foreach (var chunk in rows.Chunk(MaxParameters / table.Inserted.Count))
        {
            var sql = Start(affects: chunk.Length).Append(table.InsertInto).Append(" VALUES ");
            foreach (var (row, index) in chunk.Select((r, i) => (r, i)))
            {
                sql.Append(index == 0 ? "(" : ", (").Values(table.Inserted, row).Append(")");
            }
        }

        return this;
    }

    /// <summary>Inserts one row whose key the database numbers (an identity column); the key is set on <paramref name="row"/> once executed.</summary>
    public Rows InsertNumbered<T>(T row)
        where T : class
    {
        var table = TableOf<T>();
        var key = table.Keys.Single(IsGeneratedKey);
        Start(affects: 1).Numbers(key, row).Append(table.InsertInto)
            .Append(" VALUES (").Values(table.Inserted, row).Append(") RETURNING ").Append(table.Column(key));
        return this;
    }

    /// <summary>Writes the columns of <paramref name="properties"/> to <paramref name="row"/>'s stored row, found by its key.</summary>
    public Rows Update<T>(T row, IEnumerable<string> properties)
        where T : class
    {
        var table = TableOf<T>();
        return Update(table, row, [.. properties.Select(table.Entity.GetProperty)]);
    }

    /// <summary>Writes the columns in which <paramref name="row"/> differs from <paramref name="stored"/> (by the model's comparers); nothing when none does.</summary>
    public Rows Update<T>(T row, T stored)
        where T : class
    {
        var table = TableOf<T>();
        var changed = table.Updatable
            .Where(p => !p.GetValueComparer().Equals(p.GetGetter().GetClrValue(row), p.GetGetter().GetClrValue(stored)))
            .ToList();
        return changed.Count == 0 ? this : Update(table, row, changed);
    }

    /// <summary>
    /// Sends the statements gathered so far, each as its own command on the context's connection, in
    /// its current transaction or else in one of their own. A constraint the database enforces fails
    /// them with <see cref="DbUpdateException"/>, an update whose row is gone with
    /// <see cref="DbUpdateConcurrencyException"/>, as SaveChanges would.
    /// </summary>
    /// <remarks>
    /// Not one command for all: SQLite's provider binds every parameter of a command to each of its
    /// statements, so a command's cost grows with statements × parameters. Nor through EF Core's
    /// command pipeline: its logging and interception cost several times what SQLite takes to
    /// run such a statement. The transaction holds SQLite's write gate (<see cref="SqliteWriteGate"/>).
    /// </remarks>
    public async Task ExecuteAsync(CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is { } current)
        {
            await ExecuteAsync(current.GetDbTransaction(), cancellationToken);
            return;
        }

        await using var own = await db.Database.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(own.GetDbTransaction(), cancellationToken);
        await own.CommitAsync(cancellationToken);
    }

    private async Task ExecuteAsync(DbTransaction transaction, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var statement in _statements)
            {
                await using var command = transaction.Connection!.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = statement.Text.ToString();
                foreach (var (property, name, value) in statement.Parameters)
                {
                    command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, name, value, property.IsNullable));
                }

                if (statement.Numbered is var (key, row))
                {
                    var number = await command.ExecuteScalarAsync(cancellationToken);
                    key.PropertyInfo!.SetValue(row, Convert.ChangeType(number, key.ClrType, CultureInfo.InvariantCulture));
                }
                else if (await command.ExecuteNonQueryAsync(cancellationToken) is var affected && affected != statement.Affects)
                {
                    // Each insert adds its rows or fails: fewer rows changed means an update found its row gone.
                    throw new DbUpdateConcurrencyException($"A statement changed {affected} rows instead of {statement.Affects}: a row to update is gone.");
                }
            }
        }
        catch (DbException e)
        {
            throw new DbUpdateException(e.Message, e);
        }
        finally
        {
            _statements.Clear();
        }
    }

    private Rows Update<T>(Table table, T row, IReadOnlyList<IProperty> columns)
        where T : class
    {
        var sql = Start(affects: 1).Append("UPDATE ").Append(table.Name).Append(" SET ");
        foreach (var (column, index) in columns.Select((c, i) => (c, i)))
        {
            sql.Append(index == 0 ? "" : ", ").Append(table.Column(column)).Append(" = ").Value(column, row);
        }

        sql.Append(" WHERE ");
        foreach (var (key, index) in table.Keys.Select((k, i) => (k, i)))
        {
            sql.Append(index == 0 ? "" : " AND ").Append(table.Column(key)).Append(" = ").Value(key, row);
        }

        return this;
    }

    /// <summary>Starts a statement that changes <paramref name="affects"/> rows.</summary>
    private Statement Start(int affects)
    {
        var statement = new Statement(_names, affects);
        _statements.Add(statement);
        return statement;
    }

    /// <summary>The table of <typeparamref name="T"/> in this context's model, worked out once per model.</summary>
    private Table TableOf<T>() => Tables.GetValue(
        db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model."),
        entity => new Table(entity, _names));

    private static readonly ConditionalWeakTable<IEntityType, Table> Tables = [];

    /// <summary>An identity key: the database numbers the row.</summary>
    private static bool IsGeneratedKey(IProperty property) => property.IsPrimaryKey() && property.ValueGenerated != ValueGenerated.Never;

    /// <summary>What every statement on one table repeats: its quoted name and columns, the columns an INSERT names.</summary>
    private sealed class Table
    {
        private readonly Dictionary<IProperty, string> _columns;

        public Table(IEntityType entity, ISqlGenerationHelper names)
        {
            Entity = entity;
            Name = names.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
            Keys = entity.FindPrimaryKey()!.Properties;
            Inserted = [.. entity.GetProperties().Where(p => !IsGeneratedKey(p))];
            Updatable = [.. entity.GetProperties().Where(p => !p.IsPrimaryKey())];
            _columns = entity.GetProperties().ToDictionary(p => p, p => names.DelimitIdentifier(p.GetColumnName()));
            InsertInto = $"INSERT INTO {Name} ({string.Join(", ", Inserted.Select(Column))})";
        }

        public IEntityType Entity { get; }

        public string Name { get; }

        public IReadOnlyList<IProperty> Keys { get; }

        /// <summary>The columns an INSERT names: all but an identity key.</summary>
        public IReadOnlyList<IProperty> Inserted { get; }

        public IReadOnlyList<IProperty> Updatable { get; }

        /// <summary>"INSERT INTO table (its inserted columns)".</summary>
        public string InsertInto { get; }

        public string Column(IProperty property) => _columns[property];
    }

    /// <summary>One statement: its text, its parameters' properties, names and values, the rows it changes and the row it numbers.</summary>
    private sealed class Statement(ISqlGenerationHelper names, int affects)
    {
        public StringBuilder Text { get; } = new();

        public List<(IProperty Property, string Name, object? Value)> Parameters { get; } = [];

        public int Affects => affects;

        public (IProperty Key, object Row)? Numbered { get; private set; }

        public Statement Numbers(IProperty key, object row)
        {
            Numbered = (key, row);
            return this;
        }

        public Statement Append(string text)
        {
            Text.Append(text);
            return this;
        }

        public Statement Values(IEnumerable<IProperty> properties, object row)
        {
            foreach (var (property, index) in properties.Select((p, i) => (p, i)))
            {
                Append(index == 0 ? "" : ", ").Value(property, row);
            }

            return this;
        }

        /// <summary>The property's value, as of now, for a parameter that converts it as the model stores it.</summary>
        public Statement Value(IProperty property, object row)
        {
            var name = $"p{Parameters.Count}";
            Append(names.GenerateParameterNamePlaceholder(name));
            Parameters.Add((property, names.GenerateParameterName(name), property.GetGetter().GetClrValue(row)));
            return this;
        }
    }
}
