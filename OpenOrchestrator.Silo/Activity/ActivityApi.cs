using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Api;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Activity;

public static class ActivityApi
{
    public static RouteGroupBuilder MapActivityApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/activity").WithTags("Activity").RequireAuthorization();
        group.MapGet("/", ListAsync);
        return group;
    }

    /// <summary>The user's activity across all bots, newest first; <c>?before=</c> the page's <c>next</c> pages back.</summary>
    private static async Task<Ok<ActivityPage>> ListAsync(
        CurrentUser user, OrchestratorDbContext db, CancellationToken cancellationToken, long? before = null, int limit = 50)
    {
        var ownerId = user.Id;
        limit = Math.Clamp(limit, 1, 200);
        var query = db.Activity.AsNoTracking().Where(a => a.OwnerId == ownerId);
        if (before is { } cursor)
        {
            query = query.Where(a => a.Id < cursor);
        }

        var rows = await query.OrderByDescending(a => a.Id).Take(limit + 1)
            .Join(db.Bots, a => a.BotId, b => b.Id, (a, b) => new { a, b.Name, b.Emoji })
            .ToListAsync(cancellationToken);
        var items = rows.Take(limit)
            .Select(r => new ActivityView(r.a.Id, r.a.BotId, r.Name, r.Emoji, r.a.RunId, r.a.Kind, r.a.Message, r.a.At.Utc()))
            .ToList();
        items = await WithFoundAsync(db, items, cancellationToken);
        return TypedResults.Ok(new ActivityPage(items, rows.Count > limit ? items[^1].Id : null));
    }

    /// <summary>A run's end names what it found: the first result's title and link, and how many there were (results.run_id is indexed).</summary>
    private static async Task<List<ActivityView>> WithFoundAsync(OrchestratorDbContext db, List<ActivityView> items, CancellationToken cancellationToken)
    {
        var runIds = items.Where(i => i.RunId is not null && i.Kind.StartsWith("run_", StringComparison.Ordinal)).Select(i => i.RunId!).ToList();
        if (runIds.Count == 0)
        {
            return items;
        }

        var results = await db.Results.AsNoTracking()
            .Where(r => runIds.Contains(r.RunId))
            .OrderBy(r => r.CreatedAt)
            .Select(r => new { r.RunId, r.Title, r.Url })
            .ToListAsync(cancellationToken);
        var byRun = results.GroupBy(r => r.RunId).ToDictionary(g => g.Key, g => (First: g.First(), Count: g.Count()));
        return [.. items.Select(i => i.RunId is { } run && i.Kind.StartsWith("run_", StringComparison.Ordinal) && byRun.TryGetValue(run, out var found)
            ? i with { ResultTitle = found.First.Title, ResultUrl = found.First.Url, Results = found.Count }
            : i)];
    }
}
