using System.Text.Json.Serialization;

namespace OpenOrchestrator.Contracts;

/// <summary>The optional body of POST /api/bots/{id}/hooks.</summary>
public sealed record HookSpec
{
    /// <summary>What the hook is for, as its list shows it.</summary>
    public string? Name { get; init; }

    /// <summary>Calls must carry <c>X-Signature: sha256=…</c>, an HMAC of the body with a secret made for the hook and shown once.</summary>
    public bool? RequireSignature { get; init; }
}

/// <summary>A new hook: its URL (and signing secret) are shown this once and never again.</summary>
public sealed record HookCreated(string Id, string Url, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SigningSecret);

/// <summary>A hook as its list shows it: never its token or secret.</summary>
public sealed record HookView(string Id, string BotId, string? Name, bool RequireSignature, DateTimeOffset CreatedAt, IReadOnlyList<HookCallView> LastCalls);

/// <summary>One call a hook answered: when, with which status, and the run it started (or repeated).</summary>
public sealed record HookCallView(DateTimeOffset At, int Status, string? RunId, bool Repeated);

/// <summary>The answer to POST /hooks/{token}.</summary>
public sealed record HookAccepted(string RunId);

public static class HookHeaders
{
    public const string IdempotencyKey = "Idempotency-Key";
    public const string Signature = "X-Signature";
}
