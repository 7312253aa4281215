using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Runs;
using OpenOrchestrator.Silo.Storage;
using OpenOrchestrator.Silo.Triggers;

namespace OpenOrchestrator.Silo.Notifications;

/// <summary>
/// What a finished run tells its owner: one notification per run (never one per result), listing
/// the results this run found (as it found them, without reading them back), sent through the bot's <c>notify</c> channels
/// and those of its <c>notify:*</c> triggers, each channel once.
/// </summary>
public static class RunNotifications
{
    /// <summary>At most this many results are listed; the rest are counted.</summary>
    public const int MaxListed = RunContext.MaxFound;

    /// <summary>The notification and its outbox rows, to be saved with the run's outcome; null when there is nothing to tell. <paramref name="db"/> only reads.</summary>
    public static async Task<NotificationRecord?> ForAsync(
        OrchestratorDbContext db, BotRecord bot, string runId, RunOutcome outcome, IReadOnlyList<TriggerLink> matching)
    {
        var results = outcome.NewResults == 0 ? []
            : outcome.Found is { } found ? [.. found.Select(r => Record(bot.Id, runId, r))]
            : await db.Results.AsNoTracking().Where(r => r.RunId == runId).OrderBy(r => r.CreatedAt).Take(MaxListed).ToListAsync();
        var total = results.Count < MaxListed ? results.Count : Math.Max(outcome.NewResults, results.Count);
        var channels = (total > 0 ? bot.Notify : [])
            .Concat(matching.Where(t => t.TargetAction != TargetActions.Start).Select(t => t.TargetAction["notify:".Length..]))
            .Where(c => c is NotifyChannels.Telegram or NotifyChannels.Email)
            .Distinct()
            .ToList();
        var failed = outcome.Status is RunStatuses.Failed or RunStatuses.TimedOut;
        if (total == 0 && !failed && channels.Count == 0)
        {
            return null;
        }

        var kind = total > 0 ? (bot.RequireApproval ? NotificationKinds.Approval : NotificationKinds.Results)
            : failed ? NotificationKinds.RunFailed
            : NotificationKinds.RunEnded;
        var title = $"{bot.Emoji} {bot.Name}: {Headline(kind, total, outcome.Status)}";
        var notification = new NotificationRecord
        {
            OwnerId = bot.OwnerId,
            BotId = bot.Id,
            RunId = runId,
            Kind = kind,
            Key = $"run:{runId}",
            Title = title,
            Text = Text(title, results, total, outcome),
            // Only an e-mail shows HTML; rendering it costs a run's end more than any of its statements.
            Html = channels.Contains(NotifyChannels.Email) ? Digest.Page(title, Markdown(title, results, total, outcome)) : "",
            CreatedAt = outcome.FinishedAt,
        };
        notification.Deliveries.AddRange(channels.Select(channel => NotificationOutbox.NewDelivery(notification, channel, recipient: null)));
        return notification;
    }

    private static ResultRecord Record(string botId, string runId, FoundResult found) => new()
    {
        Id = found.Id,
        BotId = botId,
        RunId = runId,
        Title = found.Title,
        Url = found.Url,
        Content = found.Content,
        Metadata = found.Metadata is null ? null : new Dictionary<string, string>(found.Metadata),
        Status = found.Status,
        DedupKey = "",
        CreatedAt = found.CreatedAt,
    };

    private static string Headline(string kind, int total, string status) => kind switch
    {
        NotificationKinds.Results => total == 1 ? "1 new result" : $"{total} new results",
        NotificationKinds.Approval => total == 1 ? "1 draft waits for your approval" : $"{total} drafts wait for your approval",
        NotificationKinds.RunFailed => status == RunStatuses.TimedOut ? "the run timed out" : "the run failed",
        _ => "the run completed",
    };

    /// <summary>Plain text for Telegram and an e-mail's text part: each result's title, price and link.</summary>
    private static string Text(string title, IReadOnlyList<ResultRecord> results, int total, RunOutcome outcome)
    {
        var text = new StringBuilder(title).Append("\n\n");
        foreach (var result in results)
        {
            text.Append("• ").Append(result.Title);
            if (result.Metadata?.GetValueOrDefault("price") is { } price)
            {
                text.Append(" — ").Append(price);
            }

            text.Append('\n');
            if (result.Url is { } url)
            {
                text.Append("  ").Append(url).Append('\n');
            }
        }

        if (total > results.Count)
        {
            text.Append(CultureInfo.InvariantCulture, $"… and {total - results.Count} more in the dashboard.\n");
        }

        AppendOutcome(text, outcome, results.Count > 0, escape: s => s);
        return text.ToString().TrimEnd();
    }

    /// <summary>The e-mail's HTML part, as Markdown: the results laid out like the bot's digest.</summary>
    private static string Markdown(string title, IReadOnlyList<ResultRecord> results, int total, RunOutcome outcome)
    {
        var text = new StringBuilder("# ").Append(Digest.Escape(title)).Append("\n\n");
        text.Append(Digest.Items(results));
        if (total > results.Count)
        {
            text.Append(CultureInfo.InvariantCulture, $"… and {total - results.Count} more in the dashboard.\n\n");
        }

        AppendOutcome(text, outcome, results.Count > 0, Digest.Escape);
        return text.ToString();
    }

    private static void AppendOutcome(StringBuilder text, RunOutcome outcome, bool listedResults, Func<string, string> escape)
    {
        var paragraph = outcome.Error is { } error ? "Error: " + escape(RunContext.Truncate(error, 1000))
            : !listedResults && outcome.Output is { Length: > 0 } output ? escape(RunContext.Truncate(output.Trim(), 1500))
            : null;
        if (paragraph is not null)
        {
            // One blank line before it, whatever came above.
            if (text is not [.., '\n', '\n']) text.Append('\n');
            text.Append(paragraph).Append('\n');
        }
    }
}
