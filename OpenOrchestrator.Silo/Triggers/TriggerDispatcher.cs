using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Hosting;
using OpenOrchestrator.Silo.Runs;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Triggers;

/// <summary>
/// Delivers trigger firings from the outbox to their target grains, off the source grain's turn.
/// What a crash left undelivered is delivered when the silo has started again, and bots with
/// queued runs are woken to start them; the target's unique run cause makes a repeated delivery
/// start nothing.
/// </summary>
public sealed partial class TriggerDispatcher(
    IDbContextFactory<OrchestratorDbContext> dbFactory, IGrainFactory grains, TimeProvider time, ILogger<TriggerDispatcher> logger) : LifecycleStep
{
    public void Deliver(IReadOnlyList<TriggerFiringRecord> firings)
    {
        if (firings.Count > 0)
        {
            _ = Task.Run(() => DeliverAsync(firings));
        }
    }

    public override async Task StartedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pending = await db.TriggerFirings.AsNoTracking().Where(f => f.DeliveredAt == null).OrderBy(f => f.Id).ToListAsync(cancellationToken);
        await DeliverAsync(pending);
        var waiting = await db.Runs.Where(r => r.Status == RunStatuses.Queued).Select(r => r.BotId).Distinct().ToListAsync(cancellationToken);
        await Task.WhenAll(waiting.Select(bot => grains.GetGrain<IBotGrain>(bot).StartQueuedAsync()));
    }

    private async Task DeliverAsync(IReadOnlyList<TriggerFiringRecord> firings)
    {
        foreach (var firing in firings)
        {
            try
            {
                await grains.GetGrain<IBotGrain>(firing.TargetBotId).StartTriggeredAsync(new TriggeredStart(
                    firing.OwnerId, firing.TriggerKey, firing.SourceBotId, firing.SourceBotName, firing.SourceRunId, firing.Event, firing.Input, firing.Depth));
                await using var db = await dbFactory.CreateDbContextAsync();
                var now = time.GetUtcNow().UtcDateTime;
                await db.TriggerFirings.Where(f => f.Id == firing.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.DeliveredAt, now));
            }
            catch (Exception e)
            {
                LogDeliveryFailed(e, firing.Id, firing.TargetBotId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trigger firing {FiringId} to bot {BotId} not delivered; it is retried at the next start")]
    private partial void LogDeliveryFailed(Exception exception, long firingId, string botId);
}
