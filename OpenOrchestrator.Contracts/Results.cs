using Orleans;

namespace OpenOrchestrator.Contracts;

[GenerateSerializer, Immutable, Alias("ResultView")]
public sealed record ResultView(
    string Id,
    string BotId,
    string RunId,
    string Title,
    string? Content,
    string? Url,
    IReadOnlyDictionary<string, string>? Metadata,
    bool Pinned,
    bool IsNew,
    string Status,
    DateTimeOffset CreatedAt)
{
    /// <summary>An approved draft's mail to its recipient: how its delivery goes (a failure with its reason); null for other results.</summary>
    [Id(11)] public DeliveryView? Mail { get; set; }
}

public static class ResultFilters
{
    public const string All = "all";
    public const string New = "new";
    public const string Pinned = "pinned";
    public const string Awaiting = "awaiting";
}

public static class ResultStatuses
{
    public const string Reported = "reported";
    public const string AwaitingApproval = "awaiting_approval";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
}

public sealed record DocumentInfo(string Path, long Size, DateTimeOffset UpdatedAt);
