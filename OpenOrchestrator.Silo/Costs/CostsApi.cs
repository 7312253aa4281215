using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Api;

namespace OpenOrchestrator.Silo.Costs;

public static class CostsApi
{
    public static RouteGroupBuilder MapCostsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Costs").RequireAuthorization();
        group.MapGet("/usage", UsageAsync);
        return group;
    }

    /// <summary>From and to are days (UTC, both included) or instants; unset, the current calendar month.</summary>
    private static async Task<Results<Ok<UsageReport>, ValidationProblem>> UsageAsync(
        CurrentUser user, UsageQueries usage, TimeProvider time, CancellationToken cancellationToken, string? from = null, string? to = null, string groupBy = UsageGroupings.Bot)
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
            : TypedResults.Ok(await usage.ReportAsync(user.Id, start, end, groupBy, cancellationToken));
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
}
