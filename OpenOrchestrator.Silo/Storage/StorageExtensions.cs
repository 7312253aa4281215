using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OpenOrchestrator.Silo.Storage;

public static class StorageExtensions
{
    public const string ConnectionName = "orchestrator";

    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        var paths = DataPaths.Resolve(builder);
        Directory.CreateDirectory(paths.Root);
        builder.Services.AddSingleton(paths);

        var provider = builder.Configuration[$"{DatabaseOptions.SectionName}:Provider"] ?? DatabaseOptions.Sqlite;
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName);
        switch (provider.ToUpperInvariant())
        {
            case "SQLITE":
                connectionString ??= $"Data Source={paths.SqliteFile};Default Timeout=30";
                builder.Services.AddSingleton<SqliteWriteGate>();
                builder.Services.TryAddSingleton(TimeProvider.System);
                builder.Services.AddHostedService(sp => ActivatorUtilities.CreateInstance<SqliteCheckpointer>(sp, connectionString));
                builder.Services.AddProviderContext<SqliteOrchestratorDbContext>((sp, o) =>
                    o.UseSqlite(connectionString).AddInterceptors(new SqlitePragmas(), sp.GetRequiredService<SqliteWriteGate>()));
                break;
            case "POSTGRESQL" or "POSTGRES" or "NPGSQL":
                builder.Services.AddProviderContext<PostgreSqlOrchestratorDbContext>((_, o) => o.UseNpgsql(Require(connectionString, provider)));
                break;
            default:
                throw new InvalidOperationException(
                    $"Database__Provider '{provider}' is not supported: use Sqlite or PostgreSQL.");
        }

        builder.Services.AddSingleton<GroupCommit>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.Services.AddHostedService<DatabaseMigrator>();
        return builder;
    }

    /// <summary>Applies pending migrations; runs before the silo starts so grains find their tables.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<OrchestratorDbContext>>().CreateDbContextAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            await PostgreSqlMigration.MigrateAsync(db, cancellationToken);
        }
        else
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            // WAL lets the dashboard read while a run writes its log.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    private static string Require(string? connectionString, string provider) =>
        string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException($"Database__Provider={provider} needs ConnectionStrings__{ConnectionName}.")
            : connectionString;

    private static void AddProviderContext<TContext>(this IServiceCollection services, Action<IServiceProvider, DbContextOptionsBuilder> configure)
        where TContext : OrchestratorDbContext
    {
        services.AddPooledDbContextFactory<TContext>((sp, o) => configure(sp, o.UseSnakeCaseNamingConvention()));
        services.AddSingleton<IDbContextFactory<OrchestratorDbContext>, ProviderContextFactory<TContext>>();
        services.AddScoped<OrchestratorDbContext>(sp => sp.GetRequiredService<IDbContextFactory<OrchestratorDbContext>>().CreateDbContext());
    }

    private sealed class ProviderContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<OrchestratorDbContext>
        where TContext : OrchestratorDbContext
    {
        public OrchestratorDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
