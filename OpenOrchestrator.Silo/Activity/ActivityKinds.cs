namespace OpenOrchestrator.Silo.Activity;

public static class ActivityKinds
{
    public const string Skipped = "skipped";
    public const string Missed = "missed";
    public const string TriggerFired = "trigger_fired";
    /// <summary>A web hook started or queued a run.</summary>
    public const string HookCalled = "hook_called";
    /// <summary>A scheduled or triggered start refused because a budget is used up: no run.</summary>
    public const string BudgetExceeded = "budget_exceeded";
    /// <summary>The bot's schedule was changed for it: the bot it ran after was deleted.</summary>
    public const string ScheduleChanged = "schedule_changed";
    /// <summary>A message in the owner's mailbox started (or queued) a run of a bot scheduled <c>mail</c>.</summary>
    public const string MailReceived = "mail_received";

    public static string ForRun(string status) => $"run_{status}";
}
