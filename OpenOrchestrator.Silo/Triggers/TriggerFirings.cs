using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Runs;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Triggers;

/// <summary>The firings a finished run causes: its bot's enabled triggers for what happened, and bots waiting for it.</summary>
public static class TriggerFirings
{
    public const string AfterKey = "after";

    /// <summary>No chain grows deeper than this, whatever the triggers say.</summary>
    public const int HardDepthLimit = 20;

    /// <summary>
    /// Where a bot's runs' ends lead, in one query: its enabled triggers and the enabled bots
    /// scheduled "after" it (as links on <c>completed</c>). Its grain keeps them (<c>BotGrain.Links</c>).
    /// </summary>
    public static async Task<IReadOnlyList<TriggerLink>> LinksAsync(OrchestratorDbContext db, string sourceId)
    {
        var triggers = db.Triggers
            .Where(t => t.SourceBot == sourceId && t.Enabled)
            .Select(t => new { Key = t.Id, t.Event, t.TargetAction, t.TargetBot, t.MaxDepth });
        var after = db.Bots
            .Where(b => b.ScheduleKind == ScheduleKinds.After && b.ScheduleAfterBotId == sourceId && b.Enabled)
            .Select(b => new { Key = AfterKey, Event = TriggerEvents.Completed, TargetAction = TargetActions.Start, TargetBot = (string?)b.Id, MaxDepth = (int?)null });
        var links = await triggers.Concat(after).AsNoTracking().ToListAsync();
        return [.. links.Select(l => new TriggerLink(l.Key, l.Event, l.TargetAction, l.TargetBot, l.MaxDepth))];
    }

    /// <summary>
    /// What the source's run sets off: its links for what the run did. Starts become firings here,
    /// <c>notify:*</c> actions become the run's notification (<c>RunNotifications</c>).
    /// </summary>
    public static IReadOnlyList<TriggerLink> Matching(IReadOnlyList<TriggerLink> links, BotRecord source, RunOutcome outcome)
    {
        var events = EventsOf(source, outcome);
        return [.. links.Where(l => events.Contains(l.Event))];
    }

    /// <summary>The outbox rows of a run's end, to be saved with its outcome; <paramref name="db"/> only reads (the results, when the outcome does not list them).</summary>
    public static async Task<IReadOnlyList<TriggerFiringRecord>> ForAsync(
        OrchestratorDbContext db, BotRecord source, string runId, RunOutcome outcome, IReadOnlyList<TriggerLink> matching)
    {
        var depth = outcome.Depth + 1;
        if (depth > HardDepthLimit)
        {
            return [];
        }

        var targets = matching
            .Where(t => t.TargetAction == TargetActions.Start && t.TargetBot != null && (t.MaxDepth is null || depth <= t.MaxDepth))
            .ToList();
        if (targets.Count == 0)
        {
            return [];
        }

        var resultIds = outcome.NewResultIds ?? await db.Results.Where(r => r.RunId == runId).Select(r => r.Id).ToListAsync();
        return [.. targets.Select(t => Firing(source, t.Key, runId, t.TargetBot!, t.Event, depth, Input(source, t.Event, outcome, resultIds), outcome.FinishedAt))];
    }

    /// <summary>What a finished run counts as; an approval bot's results count only once approved.</summary>
    private static List<string> EventsOf(BotRecord bot, RunOutcome outcome)
    {
        var events = new List<string>();
        if (outcome.Status == RunStatuses.Completed) events.Add(TriggerEvents.Completed);
        if (outcome.Status is RunStatuses.Failed or RunStatuses.TimedOut) events.Add(TriggerEvents.Failed);
        if (outcome.NewResults > 0 && !bot.RequireApproval) events.Add(TriggerEvents.Result);
        return events;
    }

    /// <summary>
    /// The firings an approved result causes: an approval bot's <c>result</c> triggers fire per
    /// approved result, not at the end of its run. The firing's source run is <c>run/result</c>,
    /// so each approval starts each target once.
    /// </summary>
    public static async Task<IReadOnlyList<TriggerFiringRecord>> AddForApprovalAsync(OrchestratorDbContext db, BotRecord source, ResultRecord result, DateTime now)
    {
        var triggers = await db.Triggers.AsNoTracking()
            .Where(t => t.SourceBot == source.Id && t.Enabled && t.TargetAction == TargetActions.Start && t.TargetBot != null && t.Event == TriggerEvents.Result)
            .ToListAsync();
        var input = new StringBuilder($"Started because the owner approved a result of the bot \"{source.Name}\" (id {source.Id}): {result.Title}");
        if (result.Content is { Length: > 0 } content) input.Append($"\n\nIts content:\n{content}");
        if (result.Url is { } url) input.Append($"\n\nIts link: {url}");
        input.Append($"\n\nYou may read its documents with files-read and from = \"{source.Id}\".");
        var firings = triggers.Select(t => Firing(source, t.Id, $"{result.RunId}/{result.Id}", t.TargetBot!, TriggerEvents.Result, 1, input.ToString(), now)).ToList();
        db.TriggerFirings.AddRange(firings);
        return firings;
    }

    private static TriggerFiringRecord Firing(BotRecord source, string key, string sourceRunId, string target, string @event, int depth, string input, DateTime at) => new()
    {
        OwnerId = source.OwnerId,
        TriggerKey = key,
        SourceBotId = source.Id,
        SourceBotName = source.Name,
        SourceRunId = sourceRunId,
        TargetBotId = target,
        Event = @event,
        Depth = depth,
        Input = input,
        CreatedAt = at,
    };

    /// <summary>What the triggered run is told: who started it, the source's output and its new results.</summary>
    private static string Input(BotRecord source, string @event, RunOutcome outcome, IReadOnlyList<string> resultIds)
    {
        var input = new StringBuilder($"Started because the bot \"{source.Name}\" (id {source.Id}) {@event}.");
        if (outcome.Error is { } error) input.Append($"\nIts error: {error}");
        if (outcome.Output is { Length: > 0 } output) input.Append($"\n\nIts output:\n{output}");
        if (resultIds.Count > 0) input.Append($"\n\nIts new results: {string.Join(", ", resultIds)}");
        input.Append($"\n\nYou may read its documents with files-read and from = \"{source.Id}\".");
        return input.ToString();
    }
}

/// <summary>One way a run's end reaches on: a trigger (key = its id) or a bot scheduled after the source (key = "after").</summary>
public sealed record TriggerLink(string Key, string Event, string TargetAction, string? TargetBot, int? MaxDepth);
