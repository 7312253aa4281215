namespace OpenOrchestrator.Testing;

/// <summary>
/// What the scripted model answers: text, tool calls, an HTTP error or one of the bad answers real services
/// and proxies give. Adjust usage with <c>with { PromptTokens = .. }</c>.
/// </summary>
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

    internal ReplyFault Fault { get; private init; }

    internal string EffectiveFinishReason => FinishReason ?? (Calls.Count > 0 ? "tool_calls" : "stop");

    public static ModelReply Text(string content) => new() { Content = content };

    public static ModelReply ToolCalls(params ModelToolCall[] calls) => new() { Calls = [.. calls] };

    /// <summary>Answers with <paramref name="status"/> and an error body in the server's own format.</summary>
    public static ModelReply Error(int status, string message) => new() { ErrorStatus = status, ErrorMessage = message };

    /// <summary>Status 200 with an HTML error page instead of JSON, as a misconfigured proxy sends.</summary>
    public static ModelReply HtmlPage() => new() { Fault = ReplyFault.HtmlPage };

    /// <summary>Status 200 and nothing to read: a stream without a single content event, or an empty body.</summary>
    public static ModelReply EmptyStream() => new() { Fault = ReplyFault.EmptyStream };

    /// <summary>A call to <paramref name="name"/> whose arguments are JSON cut off midway: <c>{"query": "abc</c>.</summary>
    public static ModelReply MalformedToolCall(string name) => ToolCalls(ModelToolCall.WithArguments(name, """{"query": "abc"""));

    /// <summary>
    /// <paramref name="text"/>, then the connection's end without the finishing events (no finish reason, usage or
    /// end marker); without streaming, the first half of the JSON body.
    /// </summary>
    public static ModelReply CutOff(string text) => new() { Content = text, Fault = ReplyFault.CutOff };

    /// <summary>No answer at all: the server holds the request until the client gives up (or the server stops), as a hung provider does.</summary>
    public static ModelReply NoAnswer() => new() { Fault = ReplyFault.NoAnswer };
}
