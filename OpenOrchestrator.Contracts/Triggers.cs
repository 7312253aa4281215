namespace OpenOrchestrator.Contracts;

/// <summary>The body of POST and PUT /api/triggers: when <c>sourceBotId</c> does <c>event</c>, do <c>targetAction</c>.</summary>
public sealed record TriggerSpec
{
    public string? SourceBotId { get; init; }
    public string? Event { get; init; }
    public string? TargetBotId { get; init; }
    /// <summary><c>start</c> (default; needs targetBotId), <c>notify:telegram</c> or <c>notify:email</c>.</summary>
    public string? TargetAction { get; init; }
    public bool? Enabled { get; init; }
    /// <summary>Allows a trigger that closes a cycle: chains through it stop at this depth.</summary>
    public int? MaxDepth { get; init; }
}

public sealed record TriggerView(
    string Id, string SourceBotId, string Event, string? TargetBotId, string TargetAction, bool Enabled, int? MaxDepth, DateTimeOffset CreatedAt);

public static class TriggerEvents
{
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Result = "result";
    public static readonly IReadOnlyList<string> All = [Completed, Failed, Result];
}

public static class TargetActions
{
    public const string Start = "start";
    public const string NotifyTelegram = "notify:telegram";
    public const string NotifyEmail = "notify:email";
    public static readonly IReadOnlyList<string> All = [Start, NotifyTelegram, NotifyEmail];
}
