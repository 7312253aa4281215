using Orleans;

namespace OpenOrchestrator.Contracts;

/// <summary>What a user says about a bot: the body of POST and PUT /api/bots.</summary>
[GenerateSerializer, Alias("BotSpec")]
public sealed record BotSpec
{
    [Id(0)] public string? Name { get; set; }
    [Id(1)] public string? Emoji { get; set; }
    [Id(2)] public string? Description { get; set; }
    [Id(3)] public string? Prompt { get; set; }
    [Id(4)] public string? Model { get; set; }
    [Id(5)] public IReadOnlyList<string>? Tools { get; set; }
    [Id(6)] public ScheduleSpec? Schedule { get; set; }
    [Id(7)] public IReadOnlyList<string>? Notify { get; set; }
    [Id(8)] public bool? Enabled { get; set; }

    /// <summary>Slots missed while the service was down: <c>runOnce</c> (default) or <c>skip</c>.</summary>
    [Id(9)] public string? MissedRuns { get; set; }

    /// <summary>Results wait as <c>awaiting_approval</c> until the owner approves (then they are sent on) or rejects them.</summary>
    [Id(10)] public bool? RequireApproval { get; set; }

    /// <summary>Models tried in order when the bot's model's provider fails (5xx, 429 after its retries, a timeout).</summary>
    [Id(11)] public IReadOnlyList<string>? FallbackModels { get; set; }

    /// <summary>USD per calendar month (UTC); null for no budget of its own.</summary>
    [Id(12)] public double? MonthlyBudget { get; set; }

    /// <summary>The user's MCP servers (names or ids) whose tools the bot may call.</summary>
    [Id(13)] public IReadOnlyList<string>? McpServers { get; set; }

    /// <summary>Optional <c>server.tool</c> entries: when set, only these tools of the bot's MCP servers.</summary>
    [Id(14)] public IReadOnlyList<string>? McpTools { get; set; }
}

[GenerateSerializer, Alias("ScheduleSpec")]
public sealed record ScheduleSpec
{
    [Id(0)] public string Kind { get; set; } = ScheduleKinds.Manual;
    [Id(1)] public int? EveryMinutes { get; set; }
    [Id(2)] public string? Cron { get; set; }
    [Id(3)] public string? TimeZone { get; set; }
    [Id(4)] public string? AfterBotId { get; set; }
}

/// <summary>A bot as every read returns it, and as a live event carries it.</summary>
[GenerateSerializer, Immutable, Alias("BotView")]
public sealed record BotView(
    string Id,
    string Name,
    string Emoji,
    string? Description,
    string Prompt,
    string Model,
    IReadOnlyList<string> Tools,
    ScheduleSpec Schedule,
    IReadOnlyList<string> Notify,
    bool Enabled,
    string MissedRuns,
    string Status,
    DateTimeOffset? LastRunAt,
    DateTimeOffset? NextRunAt,
    BotStats Stats,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    [Id(17)] public bool RequireApproval { get; set; }

    [Id(18)] public IReadOnlyList<string> FallbackModels { get; set; } = [];

    [Id(19)] public double? MonthlyBudget { get; set; }

    [Id(20)] public IReadOnlyList<string> McpServers { get; set; } = [];

    [Id(21)] public IReadOnlyList<string> McpTools { get; set; } = [];

    /// <summary>The whole spec of the bot as read, for a PUT that changes one thing (pause, resume, a new schedule).</summary>
    public BotSpec ToSpec() => new()
    {
        Name = Name,
        Emoji = Emoji,
        Description = Description,
        Prompt = Prompt,
        Model = Model,
        Tools = Tools,
        Schedule = Schedule,
        Notify = Notify,
        Enabled = Enabled,
        MissedRuns = MissedRuns,
        RequireApproval = RequireApproval,
        FallbackModels = FallbackModels,
        MonthlyBudget = MonthlyBudget,
        McpServers = McpServers,
        McpTools = McpTools,
    };
}

[GenerateSerializer, Immutable, Alias("BotStats")]
public sealed record BotStats(int Runs, int Results, int NewResults, double? SuccessRate)
{
    /// <summary>USD spent by this bot's runs this calendar month (UTC); runs of unknown price count nothing.</summary>
    [Id(4)] public double CostThisMonth { get; set; }

    /// <summary>USD a month at this pace: its average priced run of this month and the last × the runs its schedule makes in 30 days (without a schedule: its runs of those months at a 30-day pace); null without a priced run.</summary>
    [Id(5)] public double? EstimatedMonthlyCost { get; set; }
}

/// <summary>POST /api/bots/estimate: what a bot as specified would cost a month, before it is saved.</summary>
public sealed record CostEstimate(double? CostPerRun, double? RunsPerMonth, double? MonthlyCost, string Basis);

public static class ScheduleKinds
{
    public const string Manual = "manual";
    public const string Interval = "interval";
    public const string Cron = "cron";
    public const string After = "after";

    /// <summary>One run per new message in the owner's mailbox (settings <c>imap</c>).</summary>
    public const string Mail = "mail";

    public static readonly IReadOnlyList<string> All = [Manual, Interval, Cron, After, Mail];
}

public static class ToolNames
{
    public const string WebSearch = "web_search";
    public const string Browser = "browser";
    public const string Code = "code";
    public const string Files = "files";
    public static readonly IReadOnlyList<string> All = [WebSearch, Browser, Code, Files];
}

public static class MissedRunPolicies
{
    public const string RunOnce = "runOnce";
    public const string Skip = "skip";
    public static readonly IReadOnlyList<string> All = [RunOnce, Skip];
}

public static class NotifyChannels
{
    public const string Dashboard = "dashboard";
    public const string Telegram = "telegram";
    public const string Email = "email";
    public static readonly IReadOnlyList<string> All = [Dashboard, Telegram, Email];
}

/// <summary>What GET /api/bots/{id} says a bot is doing.</summary>
public static class BotStatuses
{
    public const string Idle = "idle";
    public const string Running = "running";
    public const string Paused = "paused";
    public const string Waiting = "waiting";
    public const string Failed = "failed";
}
