using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Api;
using OpenOrchestrator.Silo.Notifications;
using OpenOrchestrator.Silo.Storage;
using OpenOrchestrator.Silo.Web;

namespace OpenOrchestrator.Silo.Results;

public static class DigestApi
{
    public static RouteGroupBuilder MapDigestApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/bots").WithTags("Results").RequireAuthorization();
        group.MapGet("/{id}/digest", GetAsync);
        return group;
    }

    /// <summary>
    /// The bot's results from <c>since</c> (default: a week ago) to <c>until</c> (default: now) as a
    /// newsletter draft, <c>format=md</c> (default) or <c>html</c>; results awaiting approval or
    /// rejected are left out.
    /// </summary>
    private static async Task<Results<ContentHttpResult, NotFound, ValidationProblem>> GetAsync(
        string id, CurrentUser user, OrchestratorDbContext db, TimeProvider time, HttpResponse response, CancellationToken cancellationToken,
        string format = "md", string? since = null, string? until = null)
    {
        var errors = new Dictionary<string, string[]>();
        var now = time.GetUtcNow().UtcDateTime;
        var to = Instant(until, "until", now, errors);
        var from = Instant(since, "since", to.AddDays(-7), errors);
        if (format is not ("md" or "html")) errors["format"] = [$"Unknown format '{format}': use md or html."];
        if (from > to) errors["since"] = ["since must be before until."];
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var bot = Ids.IsWellFormed(id)
            ? await db.Bots.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id && b.OwnerId == user.Id, cancellationToken)
            : null;
        if (bot is null)
        {
            return TypedResults.NotFound();
        }

        var results = await db.Results.AsNoTracking()
            .Where(r => r.BotId == id && r.CreatedAt >= from && r.CreatedAt <= to)
            .Where(r => r.Status == ResultStatuses.Reported || r.Status == ResultStatuses.Approved)
            .OrderBy(r => r.CreatedAt)
            .Take(500)
            .ToListAsync(cancellationToken);
        if (format == "md")
        {
            return TypedResults.Content(Digest.Markdown(bot, results, from, to), "text/markdown; charset=utf-8");
        }

        SecurityHeaders.AllowFramingByOurPages(response);
        return TypedResults.Content(Digest.Html(bot, results, from, to), "text/html; charset=utf-8");
    }

    private static DateTime Instant(string? value, string name, DateTime fallback, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed.UtcDateTime;
        }

        errors[name] = [$"'{value}' is not a time: use ISO 8601, e.g. 2026-11-24T08:00:00Z."];
        return fallback;
    }
}
