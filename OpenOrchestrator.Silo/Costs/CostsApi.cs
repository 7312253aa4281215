using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Accounts;
using OpenOrchestrator.Silo.Bots;
using OpenOrchestrator.Silo.Models;

namespace OpenOrchestrator.Silo.Costs;

public static class CostsApi
{
    public static RouteGroupBuilder MapCostsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Costs").RequireAuthorization();
        group.MapGet("/usage", UsageAsync);
        group.MapPost("/bots/estimate", EstimateAsync);
        return group;
    }

    /// <summary>From and to are days (UTC, both included) or instants; unset, the current calendar month.</summary>
    private static async Task<Results<Ok<UsageReport>, ValidationProblem>> UsageAsync(
        ClaimsPrincipal user, UsageQueries usage, TimeProvider time, CancellationToken cancellationToken, string? from = null, string? to = null, string groupBy = UsageGroupings.Bot)
    {
        var errors = new Dictionary<string, string[]>();
        var now = time.GetUtcNow().UtcDateTime;
        var start = Instant(from, endOfDay: false, "from", errors) ?? Money.MonthStart(now);
        var end = Instant(to, endOfDay: true, "to", errors) ?? Money.MonthStart(now).AddMonths(1);
        if (!UsageGroupings.All.Contains(groupBy)) errors["groupBy"] = [$"Group by {string.Join(", ", UsageGroupings.All)}."];
        if (errors.Count == 0 && end <= start) errors["to"] = ["'to' must be after 'from'."];
        if (errors.Count == 0 && end - start > TimeSpan.FromDays(3660)) errors["from"] = ["At most ten years at a time."];
        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(await usage.ReportAsync(user.UserId(), start, end, groupBy, cancellationToken));
    }

    private static DateTime? Instant(string? text, bool endOfDay, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day.AddDays(endOfDay ? 1 : 0).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return at.UtcDateTime;
        }

        errors[field] = [$"'{text}' is not a date (yyyy-MM-dd) or an ISO 8601 instant."];
        return null;
    }

    /// <summary>
    /// What the bot as specified would cost a month: its recent runs' average when it has priced runs (an existing
    /// bot, <c>?botId=</c>), else a typical run at its model's price; × the runs its schedule makes in 30 days.
    /// </summary>
    private static async Task<Results<Ok<CostEstimate>, ValidationProblem>> EstimateAsync(
        BotSpec spec, ClaimsPrincipal user, BotQueries bots, ModelCatalog models, ModelPrices prices, TimeProvider time,
        CancellationToken cancellationToken, string? botId = null)
    {
        var model = string.IsNullOrWhiteSpace(spec.Model) ? await models.DefaultAsync(cancellationToken) : spec.Model.Trim();
        var schedule = spec.Schedule ?? new ScheduleSpec();
        var now = time.GetUtcNow().UtcDateTime;
        var existing = botId is null ? null : await bots.GetAsync(user.UserId(), botId, cancellationToken);
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
