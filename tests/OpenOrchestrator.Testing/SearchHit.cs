namespace OpenOrchestrator.Testing;

/// <summary>One result a scripted search service gives, in its own format.</summary>
public sealed record SearchHit(string Title, string Url, string Content);
