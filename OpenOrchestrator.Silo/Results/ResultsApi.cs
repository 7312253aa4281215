using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Api;
using OpenOrchestrator.Silo.Notifications;
using OpenOrchestrator.Silo.Runs;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Results;

public static class ResultsApi
{
    public static RouteGroupBuilder MapResultsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Results").RequireAuthorization();
        group.MapGet("/bots/{id}/results", ListAsync);
        group.MapPost("/bots/{id}/results/seen", MarkSeenAsync);
        group.MapPost("/results/{resultId}/pin", (string resultId, CurrentUser user, OrchestratorDbContext db) => PinAsync(resultId, true, user, db));
        group.MapDelete("/results/{resultId}/pin", (string resultId, CurrentUser user, OrchestratorDbContext db) => PinAsync(resultId, false, user, db));
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<ResultView>>, NotFound, ValidationProblem>> ListAsync(
        string id, CurrentUser user, OrchestratorDbContext db, CancellationToken cancellationToken, string filter = ResultFilters.All, int limit = 200)
    {
        if (!Ids.IsWellFormed(id) || !await db.Bots.AnyAsync(b => b.Id == id && b.OwnerId == user.Id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        // Flags compared with a value, not tested bare: SQLite uses the (bot, flag, time) index only for an equality.
        var (no, yes) = (false, true);
        var query = db.Results.AsNoTracking().Where(r => r.BotId == id);
        query = filter switch
        {
            ResultFilters.All => query,
            ResultFilters.New => query.Where(r => r.Seen == no),
            ResultFilters.Pinned => query.Where(r => r.Pinned == yes),
            ResultFilters.Awaiting => query.Where(r => r.Status == ResultStatuses.AwaitingApproval),
            _ => null!,
        };
        if (query is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["filter"] = [$"Unknown filter '{filter}': use all, new, pinned or awaiting."] });
        }

        var results = await query.OrderByDescending(r => r.CreatedAt).Take(Math.Clamp(limit, 1, 1000)).ToListAsync(cancellationToken);
        var approved = results.Where(r => r.Status == ResultStatuses.Approved).Select(r => r.Id).ToList();
        var mails = approved.Count == 0 ? new Dictionary<string, DeliveryView>() : await ApprovedMail.DeliveriesAsync(db, user.Id, approved, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ResultView>>([.. results.Select(r => ToView(r) with { Mail = mails.GetValueOrDefault(r.Id) })]);
    }

    private static async Task<Results<NoContent, NotFound>> MarkSeenAsync(string id, CurrentUser user, IGrainFactory grains) =>
        Ids.IsWellFormed(id) && await grains.GetGrain<IBotGrain>(id).MarkResultsSeenAsync(user.Id, null) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Ok<ResultView>, NotFound>> PinAsync(string resultId, bool pinned, CurrentUser user, OrchestratorDbContext db)
    {
        var ownerId = user.Id;
        var result = Ids.IsWellFormed(resultId)
            ? await db.Results.SingleOrDefaultAsync(r => r.Id == resultId && db.Bots.Any(b => b.Id == r.BotId && b.OwnerId == ownerId))
            : null;
        if (result is null)
        {
            return TypedResults.NotFound();
        }

        result.Pinned = pinned;
        await db.SaveChangesAsync();
        return TypedResults.Ok(ToView(result));
    }

    public static ResultView ToView(ResultRecord r) =>
        new(r.Id, r.BotId, r.RunId, r.Title, r.Content, r.Url, r.Metadata, r.Pinned, !r.Seen, r.Status, r.CreatedAt.Utc());
}
