using Microsoft.AspNetCore.Http.HttpResults;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Api;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Runs;

public static class RunsApi
{
    public const int MaxInputLength = 20_000;

    /// <summary>The problem type of a start refused because a budget is used up.</summary>
    public const string BudgetExceededType = "urn:openorchestrator:problem:budget-exceeded";

    public static RouteGroupBuilder MapRunsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Runs").RequireAuthorization();
        group.MapPost("/bots/{id}/runs", StartAsync);
        group.MapGet("/bots/{id}/runs", ListAsync);
        group.MapGet("/runs/{runId}", GetAsync);
        group.MapGet("/runs/{runId}/log", LogAsync);
        group.MapPost("/runs/{runId}/cancel", CancelAsync);
        return group;
    }

    private static async Task<Results<Accepted<RunView>, NotFound, ValidationProblem, ProblemHttpResult>> StartAsync(
        string id, StartRunRequest? request, CurrentUser user, IGrainFactory grains)
    {
        if (!Ids.IsWellFormed(id))
        {
            return TypedResults.NotFound();
        }

        if (request?.Input is { Length: > MaxInputLength })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["input"] = [$"The input may have at most {MaxInputLength} characters."] });
        }

        var started = await grains.GetGrain<IBotGrain>(id).StartRunAsync(user.Id, RunTriggers.Manual, request?.Input);
        return started.Outcome switch
        {
            StartRunOutcome.Started => TypedResults.Accepted($"/api/runs/{started.RunId}", RunMapping.Started(started.RunId!, id, RunTriggers.Manual, request?.Input, started.StartedAt!.Value, started.StartedAt.Value)),
            StartRunOutcome.AlreadyRunning => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The bot is already running.",
                detail: $"Run {started.RunId} has not finished yet; a bot runs one run at a time. Cancel it or wait for it.",
                extensions: new Dictionary<string, object?> { ["runId"] = started.RunId }),
            StartRunOutcome.BudgetExceeded => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Budget exceeded.",
                detail: started.Refusal,
                type: BudgetExceededType),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Results<Ok<IReadOnlyList<RunView>>, NotFound>> ListAsync(
        string id, CurrentUser user, BotOwners bots, RunQueries runs, CancellationToken cancellationToken, int limit = 50)
    {
        if (!Ids.IsWellFormed(id) || !await bots.OwnsAsync(user.Id, id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await runs.ListAsync(user.Id, id, Math.Clamp(limit, 1, 500), cancellationToken));
    }

    /// <summary>
    /// The run; with <c>?wait=N</c>, first waits up to N seconds (at most 60) for it to finish. A run
    /// executing here is taken as it started and completed with its stored outcome, without a read.
    /// </summary>
    private static async Task<Results<Ok<RunView>, NotFound>> GetAsync(
        string runId, CurrentUser user, RunQueries runs, RunExecutor executor, CancellationToken cancellationToken, int wait = 0)
    {
        if (!Ids.IsWellFormed(runId))
        {
            return TypedResults.NotFound();
        }

        var run = (wait > 0 ? executor.Executing(runId, user.Id) : null) ?? await runs.GetAsync(user.Id, runId, cancellationToken);
        if (run is null)
        {
            return TypedResults.NotFound();
        }

        if (wait > 0 && !RunStatuses.IsFinished(run.Status))
        {
            // Ended here: its outcome as its bot stored it; else (still going, ended elsewhere) as it is stored now.
            run = await executor.WaitAsync(runId, TimeSpan.FromSeconds(Math.Min(wait, 60)), cancellationToken) is { } ended
                ? run.Ended(ended)
                : (await runs.GetAsync(user.Id, runId, cancellationToken))!;
        }

        return TypedResults.Ok(run);
    }

    private static async Task<Results<Ok<IReadOnlyList<RunLogLine>>, NotFound>> LogAsync(
        string runId, CurrentUser user, RunQueries runs, CancellationToken cancellationToken, int after = 0) =>
        Ids.IsWellFormed(runId) && await runs.LogAsync(user.Id, runId, after, cancellationToken) is { } lines ? TypedResults.Ok(lines) : TypedResults.NotFound();

    private static async Task<Results<Accepted<RunView>, NotFound, ProblemHttpResult>> CancelAsync(
        string runId, CurrentUser user, IGrainFactory grains, RunQueries runs, CancellationToken cancellationToken)
    {
        if (!Ids.IsWellFormed(runId) || await runs.GetAsync(user.Id, runId, cancellationToken) is not { } run)
        {
            return TypedResults.NotFound();
        }

        return await grains.GetGrain<IBotGrain>(run.BotId).CancelRunAsync(user.Id, runId) switch
        {
            CancelRunResult.Cancelling => TypedResults.Accepted($"/api/runs/{runId}", (await runs.GetAsync(user.Id, runId, cancellationToken))!),
            CancelRunResult.AlreadyFinished => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The run has already finished.", detail: $"Run {runId} ended as {run.Status}."),
            _ => TypedResults.NotFound(),
        };
    }
}
