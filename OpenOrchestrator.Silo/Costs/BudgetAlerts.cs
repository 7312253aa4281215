using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Live;
using OpenOrchestrator.Silo.Notifications;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Costs;

/// <summary>
/// Tells the bell when a budget reaches 80 % and 100 %, once per budget and month: the notification's key is
/// unique per owner, so a second silo or a restarted grain writing the same alert writes nothing.
/// </summary>
public sealed class BudgetAlerts(IDbContextFactory<OrchestratorDbContext> dbFactory, NotificationQueries views, LivePublisher live)
{
    private static readonly double[] Thresholds = [1.0, 0.8];

    /// <summary>Keys known to be written, so a settled call of a user past 80 % does not ask the database each time.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _told = new();

    public async Task TellAsync(string ownerId, string botId, Spending spending, IEnumerable<Budget> budgets, DateTime now)
    {
        foreach (var budget in budgets)
        {
            var spent = spending.Of(budget.Scope);
            if (Thresholds.FirstOrDefault(t => spent >= budget.Limit * t) is var threshold and > 0)
            {
                await WriteAsync(ownerId, botId, budget, spent, threshold, now);
            }
        }
    }

    private async Task WriteAsync(string ownerId, string botId, Budget budget, double spent, double threshold, DateTime now)
    {
        var scope = budget.Scope == BudgetScope.Bot ? $"bot:{botId}" : budget.Scope.ToString().ToLowerInvariant();
        var percent = (int)(threshold * 100);
        var notification = new NotificationRecord
        {
            OwnerId = ownerId,
            BotId = budget.Scope == BudgetScope.Bot ? botId : null,
            Kind = NotificationKinds.Budget,
            Key = $"budget:{scope}:{now.ToString("yyyy-MM", CultureInfo.InvariantCulture)}:{percent}",
            Title = threshold >= 1 ? $"Budget used up: {budget.Name}" : $"{percent} % of {budget.Name} used",
            Text = $"{Money.Format(spent)} of {Money.Amount(budget.Limit)} spent in {now.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}."
                + (threshold >= 1 ? " Runs it covers stop before their next model call until the month ends or the budget is raised." : ""),
            Html = "",
            CreatedAt = now,
        };
        var told = $"{ownerId}/{notification.Key}";
        if (_told.ContainsKey(told))
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        if (await db.Notifications.AnyAsync(n => n.OwnerId == ownerId && n.Key == notification.Key))
        {
            _told[told] = true;
            return;
        }

        db.Notifications.Add(notification);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Written a moment ago by another silo: told once.
            return;
        }

        _told[told] = true;

        if (await views.GetAsync(ownerId, notification.Id) is { } view)
        {
            live.Publish(LiveEvent.Told(ownerId, view));
        }
    }
}
