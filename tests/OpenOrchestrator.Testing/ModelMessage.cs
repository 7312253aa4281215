namespace OpenOrchestrator.Testing;

/// <summary>One message of a chat request; Anthropic's system prompt and tool_result blocks become messages of their own.</summary>
/// <param name="Role">system, developer, user, assistant or tool.</param>
/// <param name="Content">The text: string content or the text parts joined; empty when there is none.</param>
/// <param name="ToolCallId">For role "tool": the call this message answers.</param>
/// <param name="ToolCalls">For role "assistant": the calls the model made.</param>
public sealed record ModelMessage(string Role, string Content, string? ToolCallId, IReadOnlyList<ModelToolCall> ToolCalls)
{
    public bool IsUser => Role == "user";

    public bool IsTool => Role == "tool";

    public bool IsAssistant => Role == "assistant";
}
