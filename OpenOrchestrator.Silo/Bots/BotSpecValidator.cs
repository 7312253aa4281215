using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Costs;
using OpenOrchestrator.Silo.Schedules;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Bots;

/// <summary>Every rule a bot spec must meet; the API answers with these, the grain re-checks them.</summary>
public static class BotSpecValidator
{
    public const int MaxNameLength = 100;
    public const int MaxDescriptionLength = 500;
    public const int MaxPromptLength = 20_000;
    public const int MaxEveryMinutes = 366 * 24 * 60;
    public const int MaxFallbackModels = 5;
    public const int MaxMcpServers = 20;
    public const int MaxMcpTools = 200;

    /// <summary>Tools a bot may enable on this server; <c>code</c> arrives with its sandbox.</summary>
    public static readonly IReadOnlyList<string> AvailableTools = ToolNames.All;

    public static Dictionary<string, string[]> Validate(BotSpec spec)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field, []), message];

        if (string.IsNullOrWhiteSpace(spec.Name)) Add("name", "A bot needs a name.");
        else if (spec.Name.Trim().Length > MaxNameLength) Add("name", $"The name may have at most {MaxNameLength} characters.");
        if (spec.Emoji is { Length: > 16 }) Add("emoji", "The emoji may have at most 16 characters.");
        if (spec.Description is { Length: > MaxDescriptionLength }) Add("description", $"The description may have at most {MaxDescriptionLength} characters.");
        if (string.IsNullOrWhiteSpace(spec.Prompt)) Add("prompt", "A bot needs a prompt: what should it do?");
        else if (spec.Prompt.Length > MaxPromptLength) Add("prompt", $"The prompt may have at most {MaxPromptLength} characters.");
        if (string.IsNullOrWhiteSpace(spec.Model)) Add("model", "A bot needs a model.");
        else if (spec.Model.Length > 200 || spec.Model.Any(char.IsWhiteSpace)) Add("model", "The model id may not contain spaces and has at most 200 characters.");

        if (spec.FallbackModels is { } fallbacks)
        {
            if (fallbacks.Count > MaxFallbackModels) Add("fallbackModels", $"At most {MaxFallbackModels} fallback models.");
            if (fallbacks.Any(m => string.IsNullOrWhiteSpace(m) || m.Length > 200 || m.Any(char.IsWhiteSpace)))
                Add("fallbackModels", "A fallback model id may not be empty or contain spaces, and has at most 200 characters.");
        }

        if (spec.MonthlyBudget is { } budget && !(budget > 0 && budget <= Money.MaxMonthlyBudget))
            Add("monthlyBudget", $"A monthly budget is more than $0 and at most ${Money.MaxMonthlyBudget:N0} (leave it empty for none).");

        foreach (var tool in spec.Tools ?? [])
        {
            if (!AvailableTools.Contains(tool)) Add("tools", $"Unknown tool '{tool}': choose from {string.Join(", ", AvailableTools)}.");
        }

        if (spec.McpServers is { Count: > MaxMcpServers }) Add("mcpServers", $"At most {MaxMcpServers} MCP servers.");
        if ((spec.McpServers ?? []).Any(s => string.IsNullOrWhiteSpace(s) || s.Length > 100)) Add("mcpServers", "An MCP server is named by its name or id.");
        if (spec.McpTools is { Count: > MaxMcpTools }) Add("mcpTools", $"At most {MaxMcpTools} MCP tools.");
        foreach (var tool in spec.McpTools ?? [])
        {
            if (McpToolEntry.Parse(tool) is null) Add("mcpTools", $"'{tool}' is no 'server.tool' entry.");
        }

        foreach (var channel in spec.Notify ?? [])
        {
            if (!NotifyChannels.All.Contains(channel)) Add("notify", $"Unknown channel '{channel}': choose from {string.Join(", ", NotifyChannels.All)}.");
        }

        if (spec.MissedRuns is { } missed && !MissedRunPolicies.All.Contains(missed))
            Add("missedRuns", $"Unknown policy '{missed}': choose from {string.Join(", ", MissedRunPolicies.All)}.");

        if (spec.Schedule is { } schedule)
        {
            ValidateSchedule(schedule, Add);
        }

        return errors;
    }

    public static void ThrowIfInvalid(BotSpec spec)
    {
        var errors = Validate(spec);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors.SelectMany(e => e.Value)), nameof(spec));
        }
    }

    private static void ValidateSchedule(ScheduleSpec schedule, Action<string, string> add)
    {
        switch (schedule.Kind)
        {
            case ScheduleKinds.Manual or ScheduleKinds.Mail:
                break;
            case ScheduleKinds.Interval when schedule.EveryMinutes is null:
                add("schedule.everyMinutes", "An interval schedule needs everyMinutes.");
                break;
            case ScheduleKinds.Interval when schedule.EveryMinutes is < 1 or > MaxEveryMinutes:
                add("schedule.everyMinutes", $"everyMinutes must be between 1 and {MaxEveryMinutes}.");
                break;
            case ScheduleKinds.Interval:
                break;
            case ScheduleKinds.Cron:
                if (CronError(schedule.Cron) is { } cronError) add("schedule.cron", cronError);
                if (schedule.TimeZone is { } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
                    add("schedule.timeZone", $"Unknown time zone '{zone}': use an IANA name such as Europe/Berlin.");
                break;
            case ScheduleKinds.After:
                if (!Ids.IsWellFormed(schedule.AfterBotId)) add("schedule.afterBotId", "An 'after' schedule needs the id of the bot to wait for.");
                break;
            default:
                add("schedule.kind", $"Unknown schedule kind '{schedule.Kind}': choose from {string.Join(", ", ScheduleKinds.All)}.");
                break;
        }
    }

    private static string? CronError(string? cron) =>
        string.IsNullOrWhiteSpace(cron) ? "A cron schedule needs a cron expression, e.g. */30 * * * *."
        : ScheduleCalculator.ParseCron(cron) is null ? $"'{cron}' is not a valid cron expression (five fields: minute hour day month weekday)."
        : null;
}
