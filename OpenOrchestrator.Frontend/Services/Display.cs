using MudBlazor;

namespace OpenOrchestrator.Frontend.Services;

/// <summary>How the UI words and colours the API's codes: statuses, events, schedules, times.</summary>
public static class Display
{
    /// <summary>The browser's offset from UTC (set at start; WebAssembly runs without time zone data).</summary>
    public static TimeSpan LocalOffset { get; set; }

    public static string StatusLabel(BotView bot, string? afterBotName = null) => bot.Status switch
    {
        BotStatuses.Running => "Running",
        BotStatuses.Paused => "Paused",
        BotStatuses.Waiting => afterBotName is null ? "Waiting for another bot" : $"Waiting for {afterBotName}",
        BotStatuses.Failed => "Failed",
        BotStatuses.Idle => "Idle",
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
        RunStatuses.Queued => "Queued",
        RunStatuses.Running => "Running",
        RunStatuses.Completed => "Completed",
        RunStatuses.Failed => "Failed",
        RunStatuses.Cancelled => "Cancelled",
        RunStatuses.TimedOut => "Timed out",
        _ => status,
    };

    public static string EventLabel(string triggerEvent) => triggerEvent switch
    {
        TriggerEvents.Completed => "done",
        TriggerEvents.Failed => "failed",
        TriggerEvents.Result => "found",
        _ => triggerEvent,
    };

    public static string ActionLabel(string action) => action switch
    {
        TargetActions.NotifyTelegram => "📱 Telegram message",
        TargetActions.NotifyEmail => "✉️ E-mail",
        _ => action,
    };

    public static string ToolLabel(string tool) => tool switch
    {
        ToolNames.WebSearch => "Web search",
        ToolNames.Browser => "Browser",
        ToolNames.Code => "Code",
        ToolNames.Files => "Files",
        _ => tool,
    };

    /// <summary>A provider's name as people write it; a configured OpenAI-compatible server keeps its own name.</summary>
    public static string ProviderLabel(string provider) => provider switch
    {
        "openai" => "OpenAI",
        "anthropic" => "Anthropic",
        "azure-openai" => "Azure OpenAI",
        "current" => "No longer offered",
        _ => provider,
    };

    public static string ChannelLabel(string channel) => channel switch
    {
        NotifyChannels.Dashboard => "Dashboard",
        NotifyChannels.Telegram => "Telegram",
        NotifyChannels.Email => "E-mail",
        _ => channel,
    };

    public static string Schedule(ScheduleSpec schedule, string? afterBotName = null) => schedule.Kind switch
    {
        ScheduleKinds.Interval => $"Every {schedule.EveryMinutes} min",
        ScheduleKinds.Cron => schedule.TimeZone is null ? $"Cron {schedule.Cron}" : $"Cron {schedule.Cron} ({schedule.TimeZone})",
        ScheduleKinds.After => $"After {afterBotName ?? "another bot"}",
        _ => "Manual",
    };

    /// <summary>The outcome icon of an activity entry: ok, failed, or information.</summary>
    public static (string Icon, string Label) Outcome(string kind) => kind switch
    {
        "run_completed" => ("✅", "ok"),
        "run_failed" or "run_timed_out" or "missed" or "budget_exceeded" => ("❌", "failed"),
        _ => ("ℹ️", "info"),
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
            return $"Next run after {afterBotName ?? "another bot"}";
        }

        if (bot.NextRunAt is not { } next)
        {
            return null;
        }

        var minutes = (next - now).TotalMinutes;
        var local = next.ToOffset(LocalOffset);
        return minutes switch
        {
            < 0.5 => "Next run now",
            < 59.5 => $"Next run in {Math.Round(minutes):0} min",
            _ when local.Date == now.ToOffset(LocalOffset).Date => $"Next run at {local:HH:mm}",
            _ => $"Next run on {local:d MMM} at {local:HH:mm}",
        };
    }

    public static string Time(DateTimeOffset at)
    {
        var local = at.ToOffset(LocalOffset);
        var today = DateTimeOffset.UtcNow.ToOffset(LocalOffset).Date;
        return local.Date == today ? local.ToString("HH:mm") : local.ToString("d MMM HH:mm");
    }

    public static string Clock(DateTimeOffset at) => at.ToOffset(LocalOffset).ToString("HH:mm:ss");

    public static string Duration(long? ms) => ms switch
    {
        null => "",
        < 1000 => $"{ms} ms",
        < 60_000 => $"{ms / 1000.0:0.#} s",
        _ => $"{ms / 60_000} min {ms % 60_000 / 1000} s",
    };

    public static string Size(long bytes) => bytes < 1024 ? $"{bytes} B" : bytes < 1024 * 1024 ? $"{bytes / 1024.0:0.#} KB" : $"{bytes / 1048576.0:0.#} MB";
}
