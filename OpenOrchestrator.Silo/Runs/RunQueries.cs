using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Runs;

public sealed class RunQueries(IDbContextFactory<OrchestratorDbContext> dbFactory)
{
    public async Task<RunView?> GetAsync(string ownerId, string runId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId && r.OwnerId == ownerId, cancellationToken);
        return run?.ToView();
    }

    public async Task<IReadOnlyList<RunView>> ListAsync(string ownerId, string botId, int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var runs = await db.Runs.AsNoTracking()
            .Where(r => r.BotId == botId && r.OwnerId == ownerId)
            .OrderByDescending(r => r.CreatedAt)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return [.. runs.Select(r => r.ToView())];
    }

    /// <summary>The run's log lines after <paramref name="afterSeq"/>; null when the run is not the user's.</summary>
    public async Task<IReadOnlyList<RunLogLine>?> LogAsync(string ownerId, string runId, int afterSeq, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Runs.AnyAsync(r => r.Id == runId && r.OwnerId == ownerId, cancellationToken))
        {
            return null;
        }

        var lines = await db.RunLog.AsNoTracking()
            .Where(l => l.RunId == runId && l.Seq > afterSeq)
            .OrderBy(l => l.Seq)
            .ToListAsync(cancellationToken);
        return [.. lines.Select(l => l.ToLine())];
    }
}

public static class RunMapping
{
    /// <summary>A run as the grain has just written it: no need to read it back.</summary>
    public static RunView Started(string runId, string botId, string trigger, string? input, DateTime createdAt, DateTime startedAt) => new(
        runId, botId, trigger, RunStatuses.Running, input, null, null, createdAt.Utc(), startedAt.Utc(), null, null,
        new RunUsage(0, 0, 0, 0, 0), new RunCounts(0, 0));

    /// <summary>A run as its grain handed it to the executor.</summary>
    public static RunView Started(RunTicket ticket) => Started(ticket.RunId, ticket.Bot.Id, ticket.Trigger, ticket.Input, ticket.CreatedAt, ticket.StartedAt);

    /// <summary>A run read while it went on, with the outcome its bot has since stored: no need to read it back.</summary>
    public static RunView Ended(this RunView run, RunOutcome outcome) => run with
    {
        Status = outcome.Status,
        Output = outcome.Output,
        Error = outcome.Error,
        FinishedAt = outcome.FinishedAt.Utc(),
        DurationMs = outcome.DurationMs,
        Usage = Usage(outcome.PromptTokens, outcome.CompletionTokens, outcome.ModelCalls, outcome.ToolCalls),
        Counts = new RunCounts(outcome.NewResults, outcome.SeenResults),
        Cost = outcome.Cost,
    };

    public static RunLogLine ToLine(this RunLogRecord line) => new(line.Seq, line.At.Utc(), line.Kind, line.Message);

    public static RunLogRecord ToRecord(this RunLogLine line, string runId) =>
        new() { RunId = runId, Seq = line.Seq, At = line.At.UtcDateTime, Kind = line.Kind, Message = line.Message };

    public static RunView ToView(this RunRecord run) => new(
        run.Id,
        run.BotId,
        run.Trigger,
        run.Status,
        run.Input,
        run.Output,
        run.Error,
        run.CreatedAt.Utc(),
        run.StartedAt.Utc(),
        run.FinishedAt.Utc(),
        run.DurationMs,
        Usage(run.PromptTokens, run.CompletionTokens, run.ModelCalls, run.ToolCalls),
        new RunCounts(run.NewResults, run.SeenResults))
    {
        Cost = run.Cost,
    };

    private static RunUsage Usage(int promptTokens, int completionTokens, int modelCalls, int toolCalls) =>
        new(promptTokens, completionTokens, promptTokens + completionTokens, modelCalls, toolCalls);
}
