using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Accounts;
using OpenOrchestrator.Silo.Mcp;
using OpenOrchestrator.Silo.Models;
using OpenOrchestrator.Silo.Storage;
using OpenOrchestrator.Silo.Triggers;

namespace OpenOrchestrator.Silo.Bots;

public static class BotsApi
{
    public static RouteGroupBuilder MapBotsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/bots").WithTags("Bots").RequireAuthorization();
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPut("/{id}", UpdateAsync);
        group.MapDelete("/{id}", DeleteAsync);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<BotView>>> ListAsync(ClaimsPrincipal user, BotQueries bots, CancellationToken cancellationToken) =>
        TypedResults.Ok(await bots.ListAsync(user.UserId(), cancellationToken));

    private static async Task<Results<Created<BotView>, ValidationProblem>> CreateAsync(
        BotSpec spec, ClaimsPrincipal user, BotQueries bots, IGrainFactory grains, ModelCatalog models, McpServerQueries mcp, CancellationToken cancellationToken)
    {
        spec = spec with { Model = string.IsNullOrWhiteSpace(spec.Model) ? await models.DefaultAsync(cancellationToken) : spec.Model };
        var servers = await OwnedMcpServers.ReadAsync(user.UserId(), spec.McpServers, mcp, cancellationToken);
        if (await ValidateAsync(spec, null, user.UserId(), bots, models, servers, cancellationToken) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        spec = servers.Named(spec);

        var id = Ids.New();
        await grains.GetGrain<IBotGrain>(id).CreateAsync(user.UserId(), spec);
        return TypedResults.Created($"/api/bots/{id}", await bots.GetAsync(user.UserId(), id, cancellationToken));
    }

    private static async Task<Results<Ok<BotView>, NotFound>> GetAsync(string id, ClaimsPrincipal user, BotQueries bots, CancellationToken cancellationToken) =>
        Ids.IsWellFormed(id) && await bots.GetAsync(user.UserId(), id, cancellationToken) is { } bot ? TypedResults.Ok(bot) : TypedResults.NotFound();

    private static async Task<Results<Ok<BotView>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string id, BotSpec spec, ClaimsPrincipal user, BotQueries bots, IGrainFactory grains, ModelCatalog models, McpServerQueries mcp,
        OrchestratorDbContext db, CancellationToken cancellationToken)
    {
        if (!Ids.IsWellFormed(id) || !await bots.ExistsAsync(user.UserId(), id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        spec = spec with { Model = string.IsNullOrWhiteSpace(spec.Model) ? await models.DefaultAsync(cancellationToken) : spec.Model };
        var servers = await OwnedMcpServers.ReadAsync(user.UserId(), spec.McpServers, mcp, cancellationToken);
        if (await ValidateAsync(spec, id, user.UserId(), bots, models, servers, cancellationToken) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        spec = servers.Named(spec);

        if (spec.Schedule is { Kind: ScheduleKinds.After, AfterBotId: { } after }
            && await TriggerGraph.CycleThroughAsync(db, user.UserId(), after, id, ignoreAfterOf: id) is { } cycle)
        {
            return TriggersApi.CycleProblem(cycle);
        }

        return await grains.GetGrain<IBotGrain>(id).UpdateAsync(user.UserId(), spec)
            ? TypedResults.Ok((await bots.GetAsync(user.UserId(), id, cancellationToken))!)
            : TypedResults.NotFound();
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        Ids.IsWellFormed(id) && await grains.GetGrain<IBotGrain>(id).DeleteAsync(user.UserId()) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>
    /// The spec's own rules, plus what needs the database or the providers: an 'after' bot must be another of the
    /// user's bots, every model one that GET /api/models offers, every MCP server one of the user's.
    /// </summary>
    internal static async Task<Dictionary<string, string[]>> ValidateAsync(
        BotSpec spec, string? id, string ownerId, BotQueries bots, ModelCatalog models, OwnedMcpServers mcp, CancellationToken cancellationToken)
    {
        var errors = BotSpecValidator.Validate(spec);
        foreach (var (field, model) in new[] { ("model", spec.Model) }.Concat((spec.FallbackModels ?? []).Select(m => ("fallbackModels", (string?)m))))
        {
            if (!errors.ContainsKey(field) && model is { Length: > 0 } && !await models.OffersAsync(model.Trim(), cancellationToken))
            {
                var offered = await models.ListAsync(ownerId, cancellationToken);
                errors[field] = [$"Unknown model '{model}': choose from {string.Join(", ", offered.Select(m => m.Id))}."];
            }
        }

        if (spec.Schedule is { Kind: ScheduleKinds.After, AfterBotId: { } after } && !errors.ContainsKey("schedule.afterBotId")
            && (after == id || !await bots.ExistsAsync(ownerId, after, cancellationToken)))
        {
            errors["schedule.afterBotId"] = [after == id ? "A bot cannot wait for itself." : $"You have no bot with id '{after}'."];
        }

        mcp.Validate(spec, errors);
        return errors;
    }
}
