namespace OpenOrchestrator.Silo.Activity;

public static class ActivityKinds
{
    public const string RunCompleted = "run_completed";
    public const string RunFailed = "run_failed";
    public const string RunCancelled = "run_cancelled";
    public const string RunTimedOut = "run_timed_out";
    public const string Skipped = "skipped";
    public const string Missed = "missed";
    public const string TriggerFired = "trigger_fired";

    public static string ForRun(string status) => $"run_{status}";
}
