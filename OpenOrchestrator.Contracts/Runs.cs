using Orleans;

namespace OpenOrchestrator.Contracts;

public sealed record StartRunRequest(string? Input);

[GenerateSerializer, Immutable, Alias("RunView")]
public sealed record RunView(
    string Id,
    string BotId,
    string Trigger,
    string Status,
    string? Input,
    string? Output,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    long? DurationMs,
    RunUsage Usage,
    RunCounts Counts)
{
    /// <summary>USD the run's model calls cost; null when a model's price is unknown.</summary>
    [Id(13)] public double? Cost { get; set; }
}

[GenerateSerializer, Immutable, Alias("RunUsage")]
public sealed record RunUsage(int PromptTokens, int CompletionTokens, int TotalTokens, int ModelCalls, int ToolCalls);

/// <summary>Results this run reported: new ones, and ones the bot had reported before ("seen").</summary>
[GenerateSerializer, Immutable, Alias("RunCounts")]
public sealed record RunCounts(int NewResults, int SeenResults);

[GenerateSerializer, Immutable, Alias("RunLogLine")]
public sealed record RunLogLine(int Seq, DateTimeOffset At, string Kind, string Message);

public static class RunStatuses
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    public const string TimedOut = "timed_out";

    public static bool IsFinished(string status) => status is Completed or Failed or Cancelled or TimedOut;
}

public static class RunTriggers
{
    public const string Manual = "manual";
    public const string Schedule = "schedule";

    /// <summary>A message in the owner's mailbox started the run (its input is the message).</summary>
    public const string Mail = "mail";
    private const string FromBotPrefix = "trigger:";
    private const string FromHookPrefix = "hook:";

    public static string FromBot(string botId) => FromBotPrefix + botId;

    public static string FromHook(string hookId) => FromHookPrefix + hookId;

    public static bool IsFromHook(string trigger) => trigger.StartsWith(FromHookPrefix, StringComparison.Ordinal);

    /// <summary>The source bot of a triggered run, else null.</summary>
    public static string? SourceBotOf(string trigger) => trigger.StartsWith(FromBotPrefix, StringComparison.Ordinal) ? trigger[FromBotPrefix.Length..] : null;
}

public static class LogKinds
{
    public const string Info = "info";
    public const string Model = "model";
    public const string Tool = "tool";
    public const string Output = "output";
    public const string Error = "error";
}
