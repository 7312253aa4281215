namespace OpenOrchestrator.Testing;

/// <summary>What the scripted model answers: text, tool calls or an HTTP error. Adjust usage with <c>with { PromptTokens = .. }</c>.</summary>
public sealed record ModelReply
{
    private ModelReply()
    {
    }

    /// <summary>The assistant text; null for a pure tool-call reply.</summary>
    public string? Content { get; init; }

    public IReadOnlyList<ModelToolCall> Calls { get; init; } = [];

    /// <summary>Set for error replies: the HTTP status to answer with.</summary>
    public int? ErrorStatus { get; init; }

    public string? ErrorMessage { get; init; }

    public int PromptTokens { get; init; } = 10;

    public int CompletionTokens { get; init; } = 5;

    /// <summary>Overrides the finish reason (e.g. "length"); by default "tool_calls" when there are calls, else "stop".</summary>
    public string? FinishReason { get; init; }

    public bool IsError => ErrorStatus is not null;

    internal string EffectiveFinishReason => FinishReason ?? (Calls.Count > 0 ? "tool_calls" : "stop");

    public static ModelReply Text(string content) => new() { Content = content };

    public static ModelReply ToolCalls(params ModelToolCall[] calls) => new() { Calls = [.. calls] };

    /// <summary>Answers with <paramref name="status"/> and an OpenAI-style error body.</summary>
    public static ModelReply Error(int status, string message) => new() { ErrorStatus = status, ErrorMessage = message };
}
