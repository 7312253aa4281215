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
        if (await ValidateAsync(spec, null, user.UserId(), bots, models, mcp, cancellationToken) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        spec = await NameMcpServersAsync(spec, user.UserId(), mcp, cancellationToken);

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
        if (await ValidateAsync(spec, id, user.UserId(), bots, models, mcp, cancellationToken) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        spec = await NameMcpServersAsync(spec, user.UserId(), mcp, cancellationToken);

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
        BotSpec spec, string? id, string ownerId, BotQueries bots, ModelCatalog models, McpServerQueries mcp, CancellationToken cancellationToken)
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

        if (!errors.ContainsKey("mcpServers") && !errors.ContainsKey("mcpTools") && spec.McpServers is { Count: > 0 } chosen)
        {
            var found = await mcp.ResolveAsync(ownerId, chosen, cancellationToken);
            foreach (var unknown in chosen.Where(entry => !found.ContainsKey(entry)))
            {
                errors["mcpServers"] = [.. errors.GetValueOrDefault("mcpServers", []), $"You have no MCP server named '{unknown}' (see GET /api/mcp-servers)."];
            }

            var names = found.Values.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var tool in (spec.McpTools ?? []).Where(t => !names.Contains(McpToolEntry.Parse(t)!.Server)))
            {
                errors["mcpTools"] = [.. errors.GetValueOrDefault("mcpTools", []), $"'{tool}' names a server that is not among the bot's mcpServers."];
            }
        }
        else if (!errors.ContainsKey("mcpTools") && spec.McpTools is { Count: > 0 })
        {
            errors["mcpTools"] = ["mcpTools narrows the tools of the bot's mcpServers: name the servers first."];
        }

        return errors;
    }

    /// <summary>A bot keeps its MCP servers by name (the names its tools reach the model by), whether chosen by name or id.</summary>
    private static async Task<BotSpec> NameMcpServersAsync(BotSpec spec, string ownerId, McpServerQueries mcp, CancellationToken cancellationToken)
    {
        if (spec.McpServers is not { Count: > 0 } chosen)
        {
            return spec;
        }

        var found = await mcp.ResolveAsync(ownerId, chosen, cancellationToken);
        return spec with { McpServers = [.. chosen.Select(entry => found[entry].Name).Distinct()] };
    }
}
