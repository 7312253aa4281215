namespace OpenOrchestrator.Contracts;

/// <summary>GET /api/usage: what runs cost in a period, in total and grouped by bot, model or day.</summary>
public sealed record UsageReport(UsageFigures Total, IReadOnlyList<UsageGroup> Groups);

/// <summary>Cost in USD (runs of unknown price count nothing), tokens (prompt + completion) and runs.</summary>
public sealed record UsageFigures(double Cost, long Tokens, int Runs);

/// <summary>One group: <see cref="Key"/> is the bot id, model id or day (yyyy-MM-dd); <see cref="Label"/> what a person reads.</summary>
public sealed record UsageGroup(string Key, string Label, double Cost, long Tokens, int Runs);

public static class UsageGroupings
{
    public const string Bot = "bot";
    public const string Model = "model";
    public const string Day = "day";
    public static readonly IReadOnlyList<string> All = [Bot, Model, Day];
}
