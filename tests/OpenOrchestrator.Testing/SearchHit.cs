namespace OpenOrchestrator.Testing;

/// <summary>One SearXNG result.</summary>
public sealed record SearchHit(string Title, string Url, string Content);
