using OpenOrchestrator.Frontend.Resources;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>The editable state of the bot dialog, its client-side rules (the server's obvious ones) and the spec it sends.</summary>
public sealed class BotDraft
{
    public const int MaxNameLength = 100;
    public const int MaxDescriptionLength = 500;
    public const int MaxEveryMinutes = 366 * 24 * 60;

    public string Name { get; set; } = "";
    public string Emoji { get; set; } = "🤖";
    public string Description { get; set; } = "";
    public string Prompt { get; set; } = "";
    public string Model { get; set; } = "";
    public HashSet<string> Tools { get; } = [];
    public string ScheduleKind { get; set; } = ScheduleKinds.Manual;
    public int? EveryMinutes { get; set; } = 30;
    public string Cron { get; set; } = "";
    public string TimeZone { get; set; } = "";
    public string AfterBotId { get; set; } = "";
    public HashSet<string> Notify { get; } = [NotifyChannels.Dashboard];
    public string MissedRuns { get; set; } = MissedRunPolicies.RunOnce;
    public bool Enabled { get; set; } = true;
    public bool RequireApproval { get; set; }

    /// <summary>Models tried in this order when the model's provider fails.</summary>
    public List<string> FallbackModels { get; } = [];

    /// <summary>USD per calendar month; null for none. The server judges the range and says so at the field.</summary>
    public double? MonthlyBudget { get; set; }

    /// <summary>Names of the user's MCP servers whose tools the bot may call.</summary>
    public HashSet<string> McpServers { get; } = [];

    /// <summary><c>server.tool</c> entries narrowing a server to those tools; a server with none keeps all its tools.</summary>
    public List<string> McpTools { get; } = [];

    public static BotDraft From(BotView bot)
    {
        var draft = new BotDraft
        {
            Name = bot.Name,
            Emoji = bot.Emoji,
            Description = bot.Description ?? "",
            Prompt = bot.Prompt,
            Model = bot.Model,
            ScheduleKind = bot.Schedule.Kind,
            EveryMinutes = bot.Schedule.EveryMinutes ?? 30,
            Cron = bot.Schedule.Cron ?? "",
            TimeZone = bot.Schedule.TimeZone ?? "",
            AfterBotId = bot.Schedule.AfterBotId ?? "",
            MissedRuns = bot.MissedRuns,
            Enabled = bot.Enabled,
            RequireApproval = bot.RequireApproval,
            MonthlyBudget = bot.MonthlyBudget,
        };
        draft.FallbackModels.AddRange(bot.FallbackModels);
        draft.Tools.UnionWith(bot.Tools);
        draft.McpServers.UnionWith(bot.McpServers);
        draft.McpTools.AddRange(bot.McpTools);
        draft.Notify.Clear();
        draft.Notify.UnionWith(bot.Notify);
        return draft;
    }

    /// <summary>The tools a server is narrowed to, by the names the server lists them by; none for all its tools.</summary>
    public IReadOnlyList<string> McpToolsOf(string server) =>
        [.. McpTools.Select(McpToolEntry.Parse).Where(e => e?.Server == server).Select(e => e!.Tool)];

    /// <summary>Narrows a server to these tools; none gives it all its tools again.</summary>
    public void NarrowMcpTools(string server, IEnumerable<string> tools)
    {
        McpTools.RemoveAll(t => McpToolEntry.Parse(t)?.Server == server);
        McpTools.AddRange(tools.Distinct().Select(tool => new McpToolEntry(server, tool).ToString()));
    }

    /// <summary>Field errors keyed as the server keys them (<c>name</c>, <c>schedule.everyMinutes</c>…), so both land in one place.</summary>
    public Dictionary<string, string> Validate(string? selfId = null)
    {
        var errors = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var t = Strings.Shared;
        if (string.IsNullOrWhiteSpace(Name)) errors["name"] = t["NameMissing"];
        else if (Name.Trim().Length > MaxNameLength) errors["name"] = t["NameTooLong", MaxNameLength];
        if (Emoji.Length > 16) errors["emoji"] = t["EmojiTooLong", 16];
        if (Description.Length > MaxDescriptionLength) errors["description"] = t["DescriptionTooLong", MaxDescriptionLength];
        if (string.IsNullOrWhiteSpace(Prompt)) errors["prompt"] = t["PromptMissing"];
        switch (ScheduleKind)
        {
            case ScheduleKinds.Interval when EveryMinutes is null:
                errors["schedule.everyMinutes"] = t["EveryMissing"];
                break;
            case ScheduleKinds.Interval when EveryMinutes is < 1:
                errors["schedule.everyMinutes"] = t["EveryTooSmall"];
                break;
            case ScheduleKinds.Interval when EveryMinutes is > MaxEveryMinutes:
                errors["schedule.everyMinutes"] = t["EveryTooLarge", MaxEveryMinutes];
                break;
            case ScheduleKinds.Cron when string.IsNullOrWhiteSpace(Cron):
                errors["schedule.cron"] = t["CronMissing"];
                break;
            case ScheduleKinds.Cron when Cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is not (5 or 6):
                errors["schedule.cron"] = t["CronFields"];
                break;
            case ScheduleKinds.After when string.IsNullOrEmpty(AfterBotId):
                errors["schedule.afterBotId"] = t["AfterMissing"];
                break;
            case ScheduleKinds.After when AfterBotId == selfId:
                errors["schedule.afterBotId"] = t["AfterSelf"];

                break;
        }

        return errors;
    }

    public BotSpec ToSpec() => new()
    {
        Name = Name.Trim(),
        Emoji = string.IsNullOrWhiteSpace(Emoji) ? null : Emoji.Trim(),
        Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(),
        Prompt = Prompt,
        Model = string.IsNullOrWhiteSpace(Model) ? null : Model,
        Tools = [.. ToolNames.All.Where(Tools.Contains)],
        Schedule = ScheduleKind switch
        {
            ScheduleKinds.Interval => new ScheduleSpec { Kind = ScheduleKind, EveryMinutes = EveryMinutes },
            ScheduleKinds.Cron => new ScheduleSpec { Kind = ScheduleKind, Cron = Cron.Trim(), TimeZone = string.IsNullOrWhiteSpace(TimeZone) ? null : TimeZone.Trim() },
            ScheduleKinds.After => new ScheduleSpec { Kind = ScheduleKind, AfterBotId = AfterBotId },
            ScheduleKinds.Mail => new ScheduleSpec { Kind = ScheduleKind },
            _ => new ScheduleSpec { Kind = ScheduleKinds.Manual },
        },
        Notify = [.. NotifyChannels.All.Where(Notify.Contains)],
        MissedRuns = MissedRuns,
        Enabled = Enabled,
        RequireApproval = RequireApproval,
        FallbackModels = [.. FallbackModels.Where(m => m != Model).Distinct()],
        MonthlyBudget = MonthlyBudget,
        McpServers = [.. McpServers.Order(StringComparer.Ordinal)],
        // A server no longer chosen takes its narrowed tools with it.
        McpTools = [.. McpTools.Where(t => McpToolEntry.Parse(t) is { } entry && McpServers.Contains(entry.Server)).Distinct()],
    };
}
