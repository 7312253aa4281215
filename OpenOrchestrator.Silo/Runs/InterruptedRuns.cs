using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Hosting;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Runs;

/// <summary>
/// At start, a run still running was cut off by a crash: it ends as failed ("interrupted") and is
/// not re-run (DESIGN D7); its bot is free to run again. Queued runs never began: they stay queued.
/// In a cluster the other silos' runs are alive: there each bot grain ends its own lost run when it
/// is activated again (<c>BotGrain.EndOrphanedRunAsync</c>).
/// </summary>
public sealed class InterruptedRuns(IServiceProvider services) : LifecycleStep
{
    public const string Reason = "interrupted";

    /// <summary>Runs after the migrator (registered before it), before the silo starts.</summary>
    public override async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (services.GetRequiredService<IOptions<SiloOptions>>().Value.IsCluster)
        {
            return;
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await using var db = await services.GetRequiredService<IDbContextFactory<OrchestratorDbContext>>().CreateDbContextAsync(cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Runs
            .Where(r => r.Status == RunStatuses.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RunStatuses.Failed)
                .SetProperty(r => r.Error, Reason)
                .SetProperty(r => r.FinishedAt, now), cancellationToken);
        await db.Bots
            .Where(b => b.ActiveRunId != null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(b => b.ActiveRunId, (string?)null)
                .SetProperty(b => b.LastRunStatus, RunStatuses.Failed)
                .SetProperty(b => b.Status, b => b.Enabled ? BotStatuses.Failed : BotStatuses.Paused), cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }
}
