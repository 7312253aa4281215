using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Accounts;
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
        ClaimsPrincipal user, OrchestratorDbContext db, CancellationToken cancellationToken, long? before = null, int limit = 50)
    {
        var ownerId = user.UserId();
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
        return TypedResults.Ok(new ActivityPage(items, rows.Count > limit ? items[^1].Id : null));
    }
}
