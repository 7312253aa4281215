using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Tests.Infrastructure;

public static class DatabaseQueries
{
    /// <summary>Reads the app's database directly, for what the API does not show (causes, depths, the outbox).</summary>
    public static async Task<T> QueryAsync<T>(this IServiceProvider services, Func<OrchestratorDbContext, Task<T>> query)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<OrchestratorDbContext>>().CreateDbContextAsync();
        return await query(db);
    }
}
