using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Notifications;

/// <summary>The bell's reads: a user's notifications with their deliveries and their bots' names.</summary>
public sealed class NotificationQueries(IDbContextFactory<OrchestratorDbContext> dbFactory)
{
    public async Task<NotificationsPage> PageAsync(string ownerId, long? before, int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Notifications.AsNoTracking().Where(n => n.OwnerId == ownerId);
        if (before is { } cursor)
        {
            query = query.Where(n => n.Id < cursor);
        }

        var views = await ViewsAsync(db, query.OrderByDescending(n => n.Id).Take(limit + 1), cancellationToken);
        var items = views.Take(limit).ToList();
        var unread = await db.Notifications.CountAsync(n => n.OwnerId == ownerId && n.ReadAt == null, cancellationToken);
        return new NotificationsPage(items, unread, views.Count > limit ? items[^1].Id : null);
    }

    public async Task<NotificationView?> GetAsync(string ownerId, long id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var views = await ViewsAsync(db, db.Notifications.AsNoTracking().Where(n => n.Id == id && n.OwnerId == ownerId), cancellationToken);
        return views.SingleOrDefault();
    }

    private static async Task<List<NotificationView>> ViewsAsync(OrchestratorDbContext db, IQueryable<NotificationRecord> query, CancellationToken cancellationToken)
    {
        var rows = await query.Include(n => n.Deliveries).ToListAsync(cancellationToken);
        var botIds = rows.Where(n => n.BotId is not null).Select(n => n.BotId!).Distinct().ToList();
        var bots = await db.Bots.AsNoTracking().Where(b => botIds.Contains(b.Id))
            .Select(b => new { b.Id, b.Name, b.Emoji }).ToDictionaryAsync(b => b.Id, cancellationToken);
        return [.. rows.Select(n =>
        {
            var bot = n.BotId is null ? null : bots.GetValueOrDefault(n.BotId);
            return new NotificationView(n.Id, n.BotId, bot?.Name, bot?.Emoji, n.RunId, n.Kind, n.Title, n.Text, n.ReadAt is not null, n.CreatedAt.Utc(),
                [.. n.Deliveries.OrderBy(d => d.Id).Select(d => new DeliveryView(d.Channel, d.Recipient, d.Status, d.Attempts, d.LastError, d.SentAt.Utc()))]);
        })];
    }
}
