using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Api;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Triggers;

public static class TriggersApi
{
    public static RouteGroupBuilder MapTriggersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/triggers").WithTags("Triggers").RequireAuthorization();
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync);
        group.MapPut("/{id}", UpdateAsync);
        group.MapDelete("/{id}", DeleteAsync);
        return group;
    }

    private static async Task<Ok<List<TriggerView>>> ListAsync(CurrentUser user, OrchestratorDbContext db, CancellationToken cancellationToken)
    {
        var ownerId = user.Id;
        var triggers = await db.Triggers.AsNoTracking().Where(t => t.OwnerId == ownerId).OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(triggers.Select(ToView).ToList());
    }

    private static async Task<Results<Created<TriggerView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        TriggerSpec spec, CurrentUser user, OrchestratorDbContext db, IGrainFactory grains, TimeProvider time, CancellationToken cancellationToken)
    {
        var trigger = new TriggerRecord { Id = Ids.New(), OwnerId = user.Id, SourceBot = "", Event = "", CreatedAt = time.GetUtcNow().UtcDateTime };
        var (errors, cycle) = await CheckAsync(spec, trigger, db, cancellationToken);
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (cycle is not null)
        {
            return CycleProblem(cycle);
        }

        db.Triggers.Add(trigger);
        await db.SaveChangesAsync(cancellationToken);
        await LinkChanges.TellAsync(grains, [trigger.SourceBot]);
        return TypedResults.Created($"/api/triggers/{trigger.Id}", ToView(trigger));
    }

    private static async Task<Results<Ok<TriggerView>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string id, TriggerSpec spec, CurrentUser user, OrchestratorDbContext db, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var ownerId = user.Id;
        var trigger = Ids.IsWellFormed(id) ? await db.Triggers.SingleOrDefaultAsync(t => t.Id == id && t.OwnerId == ownerId, cancellationToken) : null;
        if (trigger is null)
        {
            return TypedResults.NotFound();
        }

        var source = trigger.SourceBot;
        var (errors, cycle) = await CheckAsync(spec, trigger, db, cancellationToken);
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (cycle is not null)
        {
            return CycleProblem(cycle);
        }

        await db.SaveChangesAsync(cancellationToken);
        await LinkChanges.TellAsync(grains, [source, trigger.SourceBot]);
        return TypedResults.Ok(ToView(trigger));
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(
        string id, CurrentUser user, OrchestratorDbContext db, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var ownerId = user.Id;
        var trigger = Ids.IsWellFormed(id) ? await db.Triggers.SingleOrDefaultAsync(t => t.Id == id && t.OwnerId == ownerId, cancellationToken) : null;
        if (trigger is null)
        {
            return TypedResults.NotFound();
        }

        db.Triggers.Remove(trigger);
        await db.SaveChangesAsync(cancellationToken);
        await LinkChanges.TellAsync(grains, [trigger.SourceBot]);
        return TypedResults.NoContent();
    }

    /// <summary>Validates the spec and writes it onto <paramref name="trigger"/>: field errors, or the cycle it would close.</summary>
    private static async Task<(Dictionary<string, string[]>? Errors, IReadOnlyList<string>? Cycle)> CheckAsync(
        TriggerSpec spec, TriggerRecord trigger, OrchestratorDbContext db, CancellationToken cancellationToken)
    {
        var errors = await TriggerValidator.ValidateAsync(spec, trigger.OwnerId, db, cancellationToken);
        if (errors.Count > 0)
        {
            return (errors, null);
        }

        trigger.SourceBot = spec.SourceBotId!;
        trigger.Event = spec.Event!;
        trigger.TargetAction = spec.TargetAction ?? TargetActions.Start;
        trigger.TargetBot = trigger.TargetAction == TargetActions.Start ? spec.TargetBotId : null;
        trigger.Enabled = spec.Enabled ?? true;
        trigger.MaxDepth = spec.MaxDepth;
        var closesCycle = trigger is { TargetBot: not null, Enabled: true, MaxDepth: null };
        return (null, closesCycle ? await TriggerGraph.CycleThroughAsync(db, trigger.OwnerId, trigger.SourceBot, trigger.TargetBot!, ignoreTriggerId: trigger.Id) : null);
    }

    public static ProblemHttpResult CycleProblem(IReadOnlyList<string> cycle) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "This would close a cycle.",
        detail: $"{string.Join(" → ", cycle)} would start each other without end. Set a trigger's maxDepth to allow the cycle with a bounded chain.",
        extensions: new Dictionary<string, object?> { ["cycle"] = cycle });

    internal static TriggerView ToView(TriggerRecord t) =>
        new(t.Id, t.SourceBot, t.Event, t.TargetBot, t.TargetAction, t.Enabled, t.MaxDepth, t.CreatedAt.Utc());
}
