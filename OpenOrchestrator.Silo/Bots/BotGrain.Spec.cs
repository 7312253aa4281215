using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Bots;

public sealed partial class BotGrain
{
    /// <summary>Writes a validated spec onto the row, with the documented defaults.</summary>
    private static void Apply(BotRecord bot, BotSpec spec, DateTime now)
    {
        var schedule = spec.Schedule ?? new ScheduleSpec();
        bot.Name = spec.Name!.Trim();
        bot.Emoji = string.IsNullOrWhiteSpace(spec.Emoji) ? "🤖" : spec.Emoji.Trim();
        bot.Description = string.IsNullOrWhiteSpace(spec.Description) ? null : spec.Description.Trim();
        bot.Prompt = spec.Prompt!.Trim();
        bot.Model = spec.Model!.Trim();
        bot.Tools = [.. (spec.Tools ?? []).Distinct()];
        bot.ScheduleKind = schedule.Kind;
        bot.ScheduleEveryMinutes = schedule.Kind == ScheduleKinds.Interval ? schedule.EveryMinutes : null;
        bot.Schedule = schedule.Kind == ScheduleKinds.Cron ? schedule.Cron!.Trim() : null;
        bot.ScheduleTimeZone = schedule.Kind == ScheduleKinds.Cron ? schedule.TimeZone : null;
        bot.ScheduleAfterBotId = schedule.Kind == ScheduleKinds.After ? schedule.AfterBotId : null;
        bot.Notify = [.. (spec.Notify ?? [NotifyChannels.Dashboard]).Distinct()];
        bot.Enabled = spec.Enabled ?? true;
        bot.MissedRuns = spec.MissedRuns ?? MissedRunPolicies.RunOnce;
        bot.RequireApproval = spec.RequireApproval ?? false;
        bot.FallbackModels = [.. (spec.FallbackModels ?? []).Select(m => m.Trim()).Where(m => m != bot.Model).Distinct()];
        bot.MonthlyBudget = spec.MonthlyBudget;
        bot.McpServers = [.. (spec.McpServers ?? []).Select(s => s.Trim()).Distinct()];
        bot.McpTools = [.. (spec.McpTools ?? []).Select(t => t.Trim()).Distinct()];
        bot.Status = StatusOf(bot);
        bot.UpdatedAt = now;
    }

    internal static string StatusOf(BotRecord bot) =>
        bot.ActiveRunId is not null ? BotStatuses.Running
        : !bot.Enabled ? BotStatuses.Paused
        : bot.LastRunStatus is RunStatuses.Failed or RunStatuses.TimedOut ? BotStatuses.Failed
        : bot.ScheduleKind == ScheduleKinds.After ? BotStatuses.Waiting
        : BotStatuses.Idle;

    /// <summary>Changes are made on a copy, so a failed save leaves the grain's state as it was.</summary>
    private static BotRecord Copy(BotRecord bot) => new()
    {
        Id = bot.Id,
        OwnerId = bot.OwnerId,
        Name = bot.Name,
        Emoji = bot.Emoji,
        Description = bot.Description,
        Prompt = bot.Prompt,
        Model = bot.Model,
        Tools = [.. bot.Tools],
        ScheduleKind = bot.ScheduleKind,
        ScheduleEveryMinutes = bot.ScheduleEveryMinutes,
        Schedule = bot.Schedule,
        ScheduleTimeZone = bot.ScheduleTimeZone,
        ScheduleAfterBotId = bot.ScheduleAfterBotId,
        DocsPath = bot.DocsPath,
        Notify = [.. bot.Notify],
        Enabled = bot.Enabled,
        MissedRuns = bot.MissedRuns,
        RequireApproval = bot.RequireApproval,
        FallbackModels = [.. bot.FallbackModels],
        MonthlyBudget = bot.MonthlyBudget,
        McpServers = [.. bot.McpServers],
        McpTools = [.. bot.McpTools],
        Status = bot.Status,
        ActiveRunId = bot.ActiveRunId,
        LastRunStatus = bot.LastRunStatus,
        LastRunAt = bot.LastRunAt,
        NextRunAt = bot.NextRunAt,
        CreatedAt = bot.CreatedAt,
        UpdatedAt = bot.UpdatedAt,
        RunCount = bot.RunCount,
        CompletedRuns = bot.CompletedRuns,
        UnsuccessfulRuns = bot.UnsuccessfulRuns,
        ResultCount = bot.ResultCount,
        UnseenResults = bot.UnseenResults,
        SpendingMonth = bot.SpendingMonth,
        MonthRuns = bot.MonthRuns,
        MonthPricedRuns = bot.MonthPricedRuns,
        MonthCost = bot.MonthCost,
        LastMonthRuns = bot.LastMonthRuns,
        LastMonthPricedRuns = bot.LastMonthPricedRuns,
        LastMonthCost = bot.LastMonthCost,
    };
}
