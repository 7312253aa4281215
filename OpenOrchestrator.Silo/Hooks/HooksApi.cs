using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Api;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Hooks;

/// <summary>A bot's web hooks: made (the URL and signing secret shown this once), listed without them, revoked.</summary>
public static class HooksApi
{
    public const int MaxHooksPerBot = 20;
    public const int MaxNameLength = 100;

    public static RouteGroupBuilder MapHooksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Hooks").RequireAuthorization();
        group.MapPost("/bots/{id}/hooks", CreateAsync);
        group.MapGet("/bots/{id}/hooks", ListAsync);
        group.MapDelete("/hooks/{id}", DeleteAsync);
        return group;
    }

    private static async Task<Results<Created<HookCreated>, NotFound, ValidationProblem, ProblemHttpResult>> CreateAsync(
        string id, HookSpec? spec, CurrentUser user, BotOwners bots, OrchestratorDbContext db, HookSecrets secrets, TimeProvider time, HttpRequest request, CancellationToken cancellationToken)
    {
        if (!Ids.IsWellFormed(id) || !await bots.OwnsAsync(user.Id, id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var name = string.IsNullOrWhiteSpace(spec?.Name) ? null : spec.Name.Trim();
        if (name is { Length: > MaxNameLength })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [$"A hook's name may have at most {MaxNameLength} characters."] });
        }

        if (await db.Hooks.CountAsync(h => h.BotId == id, cancellationToken) >= MaxHooksPerBot)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Too many hooks.",
                detail: $"A bot may have at most {MaxHooksPerBot} hooks; revoke one it no longer needs.");
        }

        var token = HookTokens.NewToken();
        var hook = new HookRecord { Id = Ids.New(), BotId = id, OwnerId = user.Id, Name = name, TokenHash = HookTokens.Hash(token), CreatedAt = time.GetUtcNow().UtcDateTime };
        var secret = spec?.RequireSignature is true ? HookTokens.NewSigningSecret() : null;
        if (secret is not null)
        {
            secrets.Store(hook, secret);
        }

        db.Hooks.Add(hook);
        await db.SaveChangesAsync(cancellationToken);
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}{HookCallsApi.PathPrefix}{token}";
        return TypedResults.Created($"/api/bots/{id}/hooks", new HookCreated(hook.Id, url, secret));
    }

    private static async Task<Results<Ok<List<HookView>>, NotFound>> ListAsync(
        string id, CurrentUser user, OrchestratorDbContext db, CancellationToken cancellationToken)
    {
        var ownerId = user.Id;
        if (!Ids.IsWellFormed(id) || !await db.Bots.AnyAsync(b => b.Id == id && b.OwnerId == ownerId, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var hooks = await db.Hooks.AsNoTracking().Where(h => h.BotId == id && h.OwnerId == ownerId).OrderBy(h => h.CreatedAt).ToListAsync(cancellationToken);
        var calls = await HookCallLog.LastAsync(db, [.. hooks.Select(h => h.Id)], cancellationToken);
        return TypedResults.Ok(hooks.Select(h => new HookView(h.Id, h.BotId, h.Name, h.ProtectedSigningSecret is not null, h.CreatedAt.Utc(), [.. calls[h.Id]])).ToList());
    }

    /// <summary>Revokes the hook: its URL answers 404 from now on, as an unknown one does.</summary>
    private static async Task<Results<NoContent, NotFound>> DeleteAsync(string id, CurrentUser user, OrchestratorDbContext db, CancellationToken cancellationToken)
    {
        var ownerId = user.Id;
        if (!Ids.IsWellFormed(id) || await db.Hooks.Where(h => h.Id == id && h.OwnerId == ownerId).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            return TypedResults.NotFound();
        }

        await db.HookCalls.Where(c => c.HookId == id).ExecuteDeleteAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
