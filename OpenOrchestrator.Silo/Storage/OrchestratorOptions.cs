namespace OpenOrchestrator.Silo.Storage;

public sealed class OrchestratorOptions
{
    public const string SectionName = "Orchestrator";

    /// <summary>Where the SQLite file, bot documents and keys live; defaults to <c>data/</c> under the content root.</summary>
    public string? DataPath { get; set; }
}

public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSQL";

    public string Provider { get; set; } = Sqlite;
}

/// <summary>The folders under the data directory, resolved once at start.</summary>
public sealed record DataPaths(string Root)
{
    public static DataPaths Resolve(IHostApplicationBuilder builder)
    {
        var configured = builder.Configuration[$"{OrchestratorOptions.SectionName}:DataPath"];
        return new DataPaths(Path.GetFullPath(string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(builder.Environment.ContentRootPath, "data")
            : configured));
    }

    public string Bots => Path.Combine(Root, "bots");
    public string Keys => Path.Combine(Root, "keys");
    public string SqliteFile => Path.Combine(Root, "orchestrator.db");
}
