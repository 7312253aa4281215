using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Api;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Notifications;

public static class NotificationsApi
{
    public static RouteGroupBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization();
        group.MapGet("/", ListAsync);
        group.MapPost("/read", MarkReadAsync);
        group.MapGet("/channels", ChannelsAsync);
        return group;
    }

    /// <summary>The bell: newest first, with the unread count; <c>?before=</c> the page's <c>next</c> pages back.</summary>
    private static async Task<Ok<NotificationsPage>> ListAsync(
        CurrentUser user, NotificationQueries notifications, CancellationToken cancellationToken, long? before = null, int limit = 30) =>
        TypedResults.Ok(await notifications.PageAsync(user.Id, before, Math.Clamp(limit, 1, 200), cancellationToken));

    /// <summary>Which channels can reach the user now, and what to set up for the others.</summary>
    private static async Task<Ok<IReadOnlyList<ChannelStatus>>> ChannelsAsync(
        CurrentUser user, IEnumerable<INotificationChannel> channels, OrchestratorDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ChannelReadiness.ForAsync(user.Id, channels, db, cancellationToken));

    /// <summary>Marks the given notifications read, or all of the user's when no ids are given.</summary>
    private static async Task<Results<NoContent, ValidationProblem>> MarkReadAsync(
        NotificationsRead? read, CurrentUser user, OrchestratorDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (read?.Ids is { Count: > 500 })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["ids"] = ["At most 500 ids at once; leave ids out to mark all read."] });
        }

        var ownerId = user.Id;
        var now = time.GetUtcNow().UtcDateTime;
        var query = db.Notifications.Where(n => n.OwnerId == ownerId && n.ReadAt == null);
        if (read?.Ids is { } ids)
        {
            query = query.Where(n => ids.Contains(n.Id));
        }

        await query.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        return TypedResults.NoContent();
    }
}
