namespace OpenOrchestrator.Silo.Storage;

/// <summary>The seed's <c>bots</c> table; BotGrain is its only writer.</summary>
public sealed class BotRecord
{
    public required string Id { get; set; }
    public required string OwnerId { get; set; }
    public required string Name { get; set; }
    public string Emoji { get; set; } = "🤖";
    public string? Description { get; set; }
    public required string Prompt { get; set; }
    public required string Model { get; set; }
    public List<string> Tools { get; set; } = [];
    public string ScheduleKind { get; set; } = "manual";
    public int? ScheduleEveryMinutes { get; set; }
    /// <summary>The cron expression, or null: the seed's <c>schedule</c> column.</summary>
    public string? Schedule { get; set; }
    public string? ScheduleTimeZone { get; set; }
    public string? ScheduleAfterBotId { get; set; }
    public required string DocsPath { get; set; }
    public List<string> Notify { get; set; } = ["dashboard"];
    public bool Enabled { get; set; } = true;
    /// <summary>Results wait as <c>awaiting_approval</c> until the owner approves or rejects them.</summary>
    public bool RequireApproval { get; set; }
    /// <summary><c>runOnce</c> or <c>skip</c>: what to do about slots missed while the service was down.</summary>
    public string MissedRuns { get; set; } = "runOnce";
    /// <summary>Models tried in order when the model's provider fails.</summary>
    public List<string> FallbackModels { get; set; } = [];
    /// <summary>USD per calendar month (UTC), or null for none.</summary>
    public double? MonthlyBudget { get; set; }
    /// <summary>Names of the owner's MCP servers whose tools the bot may call.</summary>
    public List<string> McpServers { get; set; } = [];
    /// <summary><c>server.tool</c> entries narrowing those tools; empty for all of them.</summary>
    public List<string> McpTools { get; set; } = [];
    public string Status { get; set; } = "idle";
    public string? ActiveRunId { get; set; }
    public string? LastRunStatus { get; set; }
    public DateTime? LastRunAt { get; set; }
    public DateTime? NextRunAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    // Counted as runs start and end and results are stored and seen, so no read counts a bot's history (DESIGN D5).
    public int RunCount { get; set; }
    public int CompletedRuns { get; set; }
    /// <summary>Failed or timed out; cancelled runs count as neither success nor failure.</summary>
    public int UnsuccessfulRuns { get; set; }
    public int ResultCount { get; set; }
    public int UnseenResults { get; set; }

    /// <summary>The month (UTC, its first day) the spending counters are of; null until they were first counted.</summary>
    public DateTime? SpendingMonth { get; set; }
    public int MonthRuns { get; set; }
    public int MonthPricedRuns { get; set; }
    public double MonthCost { get; set; }
    public int LastMonthRuns { get; set; }
    public int LastMonthPricedRuns { get; set; }
    public double LastMonthCost { get; set; }
}

/// <summary>The seed's <c>triggers</c> table: when a source bot does something, start a target.</summary>
public sealed class TriggerRecord
{
    public required string Id { get; set; }
    public required string OwnerId { get; set; }
    public required string SourceBot { get; set; }
    public required string Event { get; set; }
    public string? TargetBot { get; set; }
    public string TargetAction { get; set; } = "start";
    public bool Enabled { get; set; } = true;
    /// <summary>Set to allow a trigger that closes a cycle: no chain through it grows deeper than this.</summary>
    public int? MaxDepth { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>The seed's <c>runs</c> table; the log lives in <see cref="RunLogRecord"/>.</summary>
public sealed class RunRecord
{
    public required string Id { get; set; }
    public required string BotId { get; set; }
    public required string OwnerId { get; set; }
    public required string Trigger { get; set; }
    public string Status { get; set; } = "queued";
    /// <summary>What started the run, unique per bot: a schedule slot, or a trigger firing for one source run.</summary>
    public string? Cause { get; set; }
    /// <summary>How many trigger firings led to this run: 0 when a user or a schedule started it.</summary>
    public int Depth { get; set; }
    public string? Input { get; set; }
    public string? Output { get; set; }
    public string? Error { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public long? DurationMs { get; set; }
    public int PromptTokens { get; set; }
    public int CompletionTokens { get; set; }
    public int ModelCalls { get; set; }
    public int ToolCalls { get; set; }
    public int NewResults { get; set; }
    public int SeenResults { get; set; }
    /// <summary>USD the run's model calls cost; null while it runs, or when a model's price is unknown.</summary>
    public double? Cost { get; set; }
    /// <summary>The model that answered the run's last call (a fallback, when the bot's model failed).</summary>
    public string? Model { get; set; }
}

public sealed class RunLogRecord
{
    public long Id { get; set; }
    public required string RunId { get; set; }
    public int Seq { get; set; }
    public DateTime At { get; set; }
    public required string Kind { get; set; }
    public required string Message { get; set; }
}

/// <summary>The seed's <c>results</c> table; <see cref="DedupKey"/> is unique per bot.</summary>
public sealed class ResultRecord
{
    public required string Id { get; set; }
    public required string BotId { get; set; }
    public required string RunId { get; set; }
    public required string Title { get; set; }
    public string? Content { get; set; }
    public string? Url { get; set; }
    public Dictionary<string, string>? Metadata { get; set; }
    public bool Pinned { get; set; }
    public bool Seen { get; set; }
    public string Status { get; set; } = "reported";
    public required string DedupKey { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A user's secret (model key, bot token), encrypted with Data Protection.</summary>
public sealed class CredentialRecord
{
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public required string ProtectedValue { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>An MCP server a user registered; its headers are encrypted with Data Protection under a purpose bound to the user.</summary>
public sealed class McpServerRecord
{
    public required string Id { get; set; }
    public required string OwnerId { get; set; }
    public required string Name { get; set; }
    public required string Transport { get; set; }
    public string? Url { get; set; }
    public string? ProtectedHeaders { get; set; }
    public List<string> HeaderNames { get; set; } = [];
    public string? Command { get; set; }
    public List<string> Args { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A one-time code an admin hands out when registration is invitation-only.</summary>
public sealed class InvitationRecord
{
    public required string CodeHash { get; set; }
    public required string CreatedBy { get; set; }
    public string? UsedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
}

/// <summary>One line of a user's activity feed: runs, skipped and missed slots, trigger firings.</summary>
public sealed class ActivityRecord
{
    public long Id { get; set; }
    public required string OwnerId { get; set; }
    public required string BotId { get; set; }
    public string? RunId { get; set; }
    public required string Kind { get; set; }
    public required string Message { get; set; }
    public DateTime At { get; set; }
}

/// <summary>An Orleans reminder, kept in our database (Schedules/DatabaseReminderTable).</summary>
public sealed class ReminderRecord
{
    public required string ServiceId { get; set; }
    public required string GrainId { get; set; }
    public required string ReminderName { get; set; }
    /// <summary>The grain id's uniform hash, for the ring ranges the reminder service reads by.</summary>
    public long GrainHash { get; set; }
    public DateTime StartAt { get; set; }
    public long PeriodMs { get; set; }
    public required string ETag { get; set; }
}

/// <summary>
/// A trigger firing to deliver, written with the source run's outcome (the outbox): delivered at
/// least once, and the target's unique run cause makes a second delivery start nothing.
/// </summary>
public sealed class TriggerFiringRecord
{
    public long Id { get; set; }
    public required string OwnerId { get; set; }
    /// <summary>The trigger's id, or <c>after</c> for a bot whose schedule waits for the source.</summary>
    public required string TriggerKey { get; set; }
    public required string SourceBotId { get; set; }
    public required string SourceBotName { get; set; }
    /// <summary>The source's run, or <c>run/result</c> for a firing caused by approving that result.</summary>
    public required string SourceRunId { get; set; }
    public required string TargetBotId { get; set; }
    public required string Event { get; set; }
    public int Depth { get; set; }
    public string? Input { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
}

/// <summary>What the user was told (the bell): a run's new results, a failure, a draft to approve, a failed delivery.</summary>
public sealed class NotificationRecord
{
    public long Id { get; set; }
    public required string OwnerId { get; set; }
    public string? BotId { get; set; }
    public string? RunId { get; set; }
    public required string Kind { get; set; }
    /// <summary>Unique per owner: what caused it (a run, an approval), so a cause notifies once.</summary>
    public required string Key { get; set; }
    public required string Title { get; set; }
    /// <summary>Plain text: the bell, Telegram, an e-mail's text part.</summary>
    public required string Text { get; set; }
    /// <summary>A whole HTML document for an e-mail's HTML part; empty when no e-mail channel receives it.</summary>
    public required string Html { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
    /// <summary>For a reply: the Message-ID it answers, and the thread's References with it.</summary>
    public string? InReplyTo { get; set; }
    public string? References { get; set; }
    public List<DeliveryRecord> Deliveries { get; set; } = [];
}

/// <summary>The outbox: one notification's way out through one channel, tried until sent or failed.</summary>
public sealed class DeliveryRecord
{
    public long Id { get; set; }
    public long NotificationId { get; set; }
    public required string OwnerId { get; set; }
    public required string Channel { get; set; }
    /// <summary>Who gets it; null means the owner's own chat or address from their settings, read when sending.</summary>
    public string? Recipient { get; set; }
    public string Status { get; set; } = "pending";
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    /// <summary>While a silo is sending: until when the row is that silo's.</summary>
    public DateTime? LeaseUntil { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
}
