using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OpenOrchestrator.Silo.Storage;

// Used only by `dotnet ef migrations add`: each provider keeps its own migrations folder.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteOrchestratorDbContext>
{
    public SqliteOrchestratorDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SqliteOrchestratorDbContext>().UseSqlite("Data Source=design.db").UseSnakeCaseNamingConvention().Options);
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlOrchestratorDbContext>
{
    public PostgreSqlOrchestratorDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<PostgreSqlOrchestratorDbContext>().UseNpgsql("Host=localhost").UseSnakeCaseNamingConvention().Options);
}
