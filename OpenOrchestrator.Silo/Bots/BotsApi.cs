using Microsoft.AspNetCore.Http.HttpResults;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Api;
using OpenOrchestrator.Silo.Costs;
using OpenOrchestrator.Silo.Mcp;
using OpenOrchestrator.Silo.Models;
using OpenOrchestrator.Silo.Runs;
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
        group.MapPost("/estimate", EstimateAsync);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<BotView>>> ListAsync(CurrentUser user, BotQueries bots, CancellationToken cancellationToken) =>
        TypedResults.Ok(await bots.ListAsync(user.Id, cancellationToken));

    private static async Task<Results<Created<BotView>, ValidationProblem>> CreateAsync(
        BotSpec spec, CurrentUser user, BotQueries bots, BotOwners owners, IGrainFactory grains, ModelCatalog models, McpServerQueries mcp,
        CancellationToken cancellationToken)
    {
        spec = spec with { Model = string.IsNullOrWhiteSpace(spec.Model) ? await models.DefaultAsync(cancellationToken) : spec.Model };
        var servers = await OwnedMcpServers.ReadAsync(user.Id, spec.McpServers, mcp, cancellationToken);
        if (await ValidateAsync(spec, null, user.Id, owners, models, servers, cancellationToken) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        spec = servers.Named(spec);

        var id = Ids.New();
        await grains.GetGrain<IBotGrain>(id).CreateAsync(user.Id, spec);
        return TypedResults.Created($"/api/bots/{id}", await bots.GetAsync(user.Id, id, cancellationToken));
    }

    private static async Task<Results<Ok<BotView>, NotFound>> GetAsync(string id, CurrentUser user, BotQueries bots, CancellationToken cancellationToken) =>
        Ids.IsWellFormed(id) && await bots.GetAsync(user.Id, id, cancellationToken) is { } bot ? TypedResults.Ok(bot) : TypedResults.NotFound();

    private static async Task<Results<Ok<BotView>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string id, BotSpec spec, CurrentUser user, BotQueries bots, BotOwners owners, IGrainFactory grains, ModelCatalog models, McpServerQueries mcp,
        OrchestratorDbContext db, CancellationToken cancellationToken)
    {
        if (!Ids.IsWellFormed(id) || !await owners.OwnsAsync(user.Id, id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        spec = spec with { Model = string.IsNullOrWhiteSpace(spec.Model) ? await models.DefaultAsync(cancellationToken) : spec.Model };
        var servers = await OwnedMcpServers.ReadAsync(user.Id, spec.McpServers, mcp, cancellationToken);
        if (await ValidateAsync(spec, id, user.Id, owners, models, servers, cancellationToken) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        spec = servers.Named(spec);

        if (spec.Schedule is { Kind: ScheduleKinds.After, AfterBotId: { } after }
            && await TriggerGraph.CycleThroughAsync(db, user.Id, after, id, ignoreAfterOf: id) is { } cycle)
        {
            return TriggersApi.CycleProblem(cycle);
        }

        return await grains.GetGrain<IBotGrain>(id).UpdateAsync(user.Id, spec)
            ? TypedResults.Ok((await bots.GetAsync(user.Id, id, cancellationToken))!)
            : TypedResults.NotFound();
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(string id, CurrentUser user, IGrainFactory grains) =>
        Ids.IsWellFormed(id) && await grains.GetGrain<IBotGrain>(id).DeleteAsync(user.Id) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>
    /// The spec's own rules, plus what needs the database or the providers: an 'after' bot must be another of the
    /// user's bots, every model one that GET /api/models offers, every MCP server one of the user's.
    /// </summary>
    internal static async Task<Dictionary<string, string[]>> ValidateAsync(
        BotSpec spec, string? id, string ownerId, BotOwners owners, ModelCatalog models, OwnedMcpServers mcp, CancellationToken cancellationToken)
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
            && (after == id || !await owners.OwnsAsync(ownerId, after, cancellationToken)))
        {
            errors["schedule.afterBotId"] = [after == id ? "A bot cannot wait for itself." : $"You have no bot with id '{after}'."];
        }

        mcp.Validate(spec, errors);
        return errors;
    }

    /// <summary>
    /// What the bot as specified would cost a month: its recent runs' average when it has priced runs (an existing
    /// bot, <c>?botId=</c>), else a typical run at its model's price; × the runs its schedule makes in 30 days.
    /// </summary>
    private static async Task<Results<Ok<CostEstimate>, ValidationProblem>> EstimateAsync(
        BotSpec spec, CurrentUser user, BotQueries bots, ModelCatalog models, ModelPrices prices, TimeProvider time,
        CancellationToken cancellationToken, string? botId = null)
    {
        var model = string.IsNullOrWhiteSpace(spec.Model) ? await models.DefaultAsync(cancellationToken) : spec.Model.Trim();
        var schedule = spec.Schedule ?? new ScheduleSpec();
        var now = time.GetUtcNow().UtcDateTime;
        var existing = botId is null ? null : await bots.GetAsync(user.Id, botId, cancellationToken);
        var runsPerMonth = CostEstimates.RunsPerMonth(schedule, now);
        if (existing is { Stats.EstimatedMonthlyCost: { } known } && existing.Model == model && existing.Schedule == schedule)
        {
            return TypedResults.Ok(new CostEstimate(null, runsPerMonth, known, "its runs of the last 30 days"));
        }

        if (prices.For(model) is not { } price)
        {
            return TypedResults.Ok(new CostEstimate(null, runsPerMonth, null, $"the price of {model} is unknown"));
        }

        var perRun = ModelPrices.Cost(price, CostEstimates.TypicalPromptTokens, CostEstimates.TypicalCompletionTokens);
        return TypedResults.Ok(new CostEstimate(perRun, runsPerMonth, CostEstimates.Monthly(perRun, runsPerMonth),
            $"a typical run of {CostEstimates.TypicalPromptTokens:N0} prompt and {CostEstimates.TypicalCompletionTokens:N0} completion tokens at {model}'s price"
            + (runsPerMonth is null ? "; started by hand or by another bot, so no monthly figure" : "")));
    }
}
