namespace OpenOrchestrator.Testing;

/// <summary>One server-sent event: an optional <c>event:</c> line (Anthropic names its events, OpenAI does not) and its data.</summary>
internal readonly record struct ServerSentEvent(string? Name, string Data);
