namespace OpenOrchestrator.Silo.Activity;

public static class ActivityKinds
{
    public const string Skipped = "skipped";
    public const string Missed = "missed";
    public const string TriggerFired = "trigger_fired";

    public static string ForRun(string status) => $"run_{status}";
}
