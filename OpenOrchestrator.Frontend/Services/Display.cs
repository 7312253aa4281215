using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using OpenOrchestrator.Frontend.Resources;

namespace OpenOrchestrator.Frontend.Services;

/// <summary>How the UI words and colours the API's codes: statuses, events, schedules, times.</summary>
public static class Display
{
    /// <summary>The browser's offset from UTC (set at start; WebAssembly runs without time zone data).</summary>
    public static TimeSpan LocalOffset { get; set; }

    private static IStringLocalizer T => Strings.Shared;

    public static string StatusLabel(BotView bot, string? afterBotName = null) => bot.Status switch
    {
        BotStatuses.Running => T["Running"],
        BotStatuses.Paused => T["Paused"],
        BotStatuses.Waiting => afterBotName is null ? T["WaitingForAnotherBot"] : T["WaitingFor", afterBotName],
        BotStatuses.Failed => T["Failed"],
        BotStatuses.Idle => T["Idle"],
        _ => bot.Status,
    };

    public static string StatusDot(string status) => status switch
    {
        BotStatuses.Running => "🟢",
        BotStatuses.Paused => "⏸️",
        BotStatuses.Waiting => "⏳",
        BotStatuses.Failed => "🔴",
        _ => "⚪",
    };

    public static Color RunColor(string status) => status switch
    {
        RunStatuses.Completed => Color.Success,
        RunStatuses.Failed or RunStatuses.TimedOut => Color.Error,
        RunStatuses.Running => Color.Info,
        RunStatuses.Cancelled => Color.Warning,
        _ => Color.Default,
    };

    public static string RunStatusLabel(string status) => status switch
    {
        RunStatuses.Queued => T["Queued"],
        RunStatuses.Running => T["Running"],
        RunStatuses.Completed => T["Completed"],
        RunStatuses.Failed => T["Failed"],
        RunStatuses.Cancelled => T["Cancelled"],
        RunStatuses.TimedOut => T["TimedOut"],
        _ => status,
    };

    public static string EventLabel(string triggerEvent) => triggerEvent switch
    {
        TriggerEvents.Completed => T["EventDone"],
        TriggerEvents.Failed => T["EventFailed"],
        TriggerEvents.Result => T["EventFound"],
        _ => triggerEvent,
    };

    public static string ActionLabel(string action) => action switch
    {
        TargetActions.NotifyTelegram => T["ActionTelegram"],
        TargetActions.NotifyEmail => T["ActionEmail"],
        _ => action,
    };

    public static string ToolLabel(string tool) => tool switch
    {
        ToolNames.WebSearch => T["ToolWebSearch"],
        ToolNames.Browser => "Browser",
        ToolNames.Code => T["ToolCode"],
        ToolNames.Files => T["ToolFiles"],
        _ => tool,
    };

    /// <summary>A provider's name as people write it; a configured OpenAI-compatible server keeps its own name.</summary>
    public static string ProviderLabel(string provider) => provider switch
    {
        "openai" => "OpenAI",
        "anthropic" => "Anthropic",
        "azure-openai" => "Azure OpenAI",
        "current" => T["ProviderGone"],
        _ => provider,
    };

    public static string ChannelLabel(string channel) => channel switch
    {
        NotifyChannels.Dashboard => "Dashboard",
        NotifyChannels.Telegram => "Telegram",
        NotifyChannels.Email => T["ChannelEmail"],
        _ => channel,
    };

    public static string Schedule(ScheduleSpec schedule, string? afterBotName = null) => schedule.Kind switch
    {
        ScheduleKinds.Interval => T["ScheduleEvery", schedule.EveryMinutes ?? 0],
        ScheduleKinds.Cron => schedule.TimeZone is null ? $"Cron {schedule.Cron}" : $"Cron {schedule.Cron} ({schedule.TimeZone})",
        ScheduleKinds.After => T["ScheduleAfter", afterBotName ?? T["AnotherBot"]],
        ScheduleKinds.Mail => T["ScheduleMail"],
        _ => T["ScheduleManual"],
    };

    /// <summary>The outcome icon of an activity entry: ok, failed, or information.</summary>
    public static (string Icon, string Label) Outcome(string kind) => kind switch
    {
        "run_completed" => ("✅", T["OutcomeOk"]),
        "run_failed" or "run_timed_out" or "missed" or "budget_exceeded" => ("❌", T["OutcomeFailed"]),
        _ => ("ℹ️", T["OutcomeInfo"]),
    };

    /// <summary>
    /// When a bot that starts by itself runs next: "Next run in 12 min", "Next run at 14:00", "Next run after
    /// Dev-Bot"; null for a manual or paused bot.
    /// </summary>
    public static string? NextRun(BotView bot, string? afterBotName, DateTimeOffset now)
    {
        if (!bot.Enabled)
        {
            return null;
        }

        if (bot.Schedule.Kind == ScheduleKinds.After)
        {
            return T["NextRunAfter", afterBotName ?? T["AnotherBot"]];
        }

        if (bot.NextRunAt is not { } next)
        {
            return null;
        }

        var minutes = (next - now).TotalMinutes;
        var local = next.ToOffset(LocalOffset);
        return minutes switch
        {
            < 0.5 => T["NextRunNow"],
            < 59.5 => T["NextRunIn", Math.Round(minutes)],
            _ when local.Date == now.ToOffset(LocalOffset).Date => T["NextRunAt", local],
            _ => T["NextRunOn", local],
        };
    }

    public static string Time(DateTimeOffset at)
    {
        var local = at.ToOffset(LocalOffset);
        var today = DateTimeOffset.UtcNow.ToOffset(LocalOffset).Date;
        return local.Date == today ? local.ToString("HH:mm", CultureInfo.CurrentCulture) : T["DayAndTime", local];
    }

    public static string Clock(DateTimeOffset at) => at.ToOffset(LocalOffset).ToString("HH:mm:ss");

    public static string Duration(long? ms) => ms switch
    {
        null => "",
        < 1000 => T["Milliseconds", ms],
        < 60_000 => T["Seconds", ms / 1000.0],
        _ => T["MinutesSeconds", ms / 60_000, ms % 60_000 / 1000],
    };

    public static string Size(long bytes) => bytes < 1024 ? T["Bytes", bytes] : bytes < 1024 * 1024 ? T["Kilobytes", bytes / 1024.0] : T["Megabytes", bytes / 1048576.0];
}
