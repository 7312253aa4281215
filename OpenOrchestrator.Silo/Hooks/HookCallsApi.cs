using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Api;
using OpenOrchestrator.Silo.Runs;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Hooks;

/// <summary>
/// <c>POST /hooks/{token}</c>: no login, the token is the credential. The body (at most 1 MiB of text) is the
/// run's input; an <c>Idempotency-Key</c> makes a repeat answer with the first run. Unknown and revoked tokens
/// are the same missing row: 404 either way.
/// </summary>
public static partial class HookCallsApi
{
    public const string PathPrefix = "/hooks/";
    public const int MaxIdempotencyKeyLength = 255;

    public static RouteHandlerBuilder MapHookCallsApi(this IEndpointRouteBuilder app) =>
        app.MapPost(PathPrefix + "{token}", CallAsync)
            .WithTags("Hooks")
            .AllowAnonymous()
            .RequireRateLimiting(HooksExtensions.PerHookPolicy)
            .WithMetadata(HookBody.Limit);

    private static async Task<Results<Accepted<HookAccepted>, NotFound, ProblemHttpResult>> CallAsync(
        string token, HttpRequest request, OrchestratorDbContext db, HookSecrets secrets, IGrainFactory grains, TimeProvider time, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var hash = HookTokens.Hash(token);
        var hook = await db.Hooks.AsNoTracking().SingleOrDefaultAsync(h => h.TokenHash == hash, cancellationToken);
        if (hook is null)
        {
            return TypedResults.NotFound();
        }

        var answer = await AnswerAsync(hook, request, secrets, grains, cancellationToken);
        try
        {
            await HookCallLog.RecordAsync(db, hook.Id, time.GetUtcNow().UtcDateTime, StatusOf(answer.Result.Result), answer.RunId, answer.Repeated);
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
        {
            // The list of last calls misses this one; the caller still learns what became of its call.
            LogCallNotRecorded(loggers.CreateLogger(typeof(HookCallsApi)), e, hook.Id);
        }

        return answer.Result;
    }

    private static async Task<Answer> AnswerAsync(HookRecord hook, HttpRequest request, HookSecrets secrets, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (await HookBody.ReadAsync(request, cancellationToken) is not { } body)
        {
            request.HttpContext.Response.Headers.Connection = "close";
            return new(TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request body is too large.", detail: ReadableProblems.TooLarge(HookBody.MaxBytes)));
        }

        if (!secrets.IsSigned(hook, request.Headers[HookHeaders.Signature].FirstOrDefault(), body))
        {
            return new(TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The signature does not match.",
                detail: $"This hook needs an {HookHeaders.Signature} header of sha256= and the hex HMAC-SHA256 of the body, made with the hook's signing secret."));
        }

        var key = request.Headers[HookHeaders.IdempotencyKey].FirstOrDefault();
        if (key is not null && (key.Length is 0 or > MaxIdempotencyKeyLength))
        {
            return new(TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The idempotency key cannot be used.",
                detail: $"An {HookHeaders.IdempotencyKey} has 1 to {MaxIdempotencyKeyLength} characters."));
        }

        if (!HookBody.TryDecode(request, body, out var input))
        {
            return new(TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The body is not text.",
                detail: "A hook's body becomes the run's input, so it must be text: UTF-8, or the charset its Content-Type names, without NUL characters."));
        }

        var cause = key is null ? null : HookTokens.Cause(hook.Id, key);
        var started = await grains.GetGrain<IBotGrain>(hook.BotId).StartHookedAsync(new HookStart(hook.OwnerId, hook.Id, cause, input));
        return started.Outcome switch
        {
            HookStartOutcome.Started or HookStartOutcome.Queued or HookStartOutcome.Repeated => new(
                TypedResults.Accepted($"/api/runs/{started.RunId}", new HookAccepted(started.RunId!)), started.RunId, started.Outcome == HookStartOutcome.Repeated),
            HookStartOutcome.Paused => new(TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The bot is paused.",
                detail: "A paused bot starts no runs; its owner can resume it.")),
            HookStartOutcome.QueueFull => new(TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "The bot is busy.",
                detail: "Too many runs are already waiting for this bot; try again later.")),
            HookStartOutcome.BudgetExceeded => new(TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Budget exceeded.",
                detail: started.Refusal, type: RunsApi.BudgetExceededType)),
            _ => new(TypedResults.NotFound()),
        };
    }

    private static int StatusOf(IResult result) => result is IStatusCodeHttpResult { StatusCode: { } status } ? status : StatusCodes.Status200OK;

    private sealed record Answer(Results<Accepted<HookAccepted>, NotFound, ProblemHttpResult> Result, string? RunId = null, bool Repeated = false);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A call of hook {HookId} was answered but not recorded in its last calls")]
    private static partial void LogCallNotRecorded(ILogger logger, Exception exception, string hookId);
}
