namespace OpenOrchestrator.Silo.Storage;

/// <summary>A bot's web hook: its URL's token is kept only as a SHA-256 hash, and looked up by it.</summary>
public sealed class HookRecord
{
    public required string Id { get; set; }
    public required string BotId { get; set; }
    public required string OwnerId { get; set; }
    public string? Name { get; set; }
    /// <summary>Lowercase hex SHA-256 of the token in the hook's URL.</summary>
    public required string TokenHash { get; set; }
    /// <summary>The HMAC secret calls must sign their bodies with, encrypted with Data Protection; null when calls are not signed.</summary>
    public string? ProtectedSigningSecret { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A call a hook answered, kept for the hook's list of last calls (the newest few per hook).</summary>
public sealed class HookCallRecord
{
    public long Id { get; set; }
    public required string HookId { get; set; }
    public DateTime At { get; set; }
    public int Status { get; set; }
    public string? RunId { get; set; }
    /// <summary>The call repeated an idempotency key: it was answered with the first call's run.</summary>
    public bool Repeated { get; set; }
}
