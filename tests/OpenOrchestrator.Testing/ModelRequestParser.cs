using System.Text.Json;
using static OpenOrchestrator.Testing.JsonFields;

namespace OpenOrchestrator.Testing;

/// <summary>Reads the parts of a chat-completions body that scripts look at; lenient about everything else.</summary>
internal static class ModelRequestParser
{
    public static ModelRequest Parse(JsonElement body, int index, string? authorization) =>
        new()
        {
            Model = StringOf(body, "model") ?? "",
            Stream = IsTrue(body, "stream"),
            IncludeUsage = IsTrue(PropertyOf(body, "stream_options"), "include_usage"),
            Messages = [.. ArrayOf(body, "messages").Select(Message)],
            ToolNames = [.. ArrayOf(body, "tools").Select(t => StringOf(PropertyOf(t, "function"), "name")).OfType<string>()],
            Raw = body,
            Index = index,
            Authorization = authorization,
        };

    private static ModelMessage Message(JsonElement message) => new(
        StringOf(message, "role") ?? "",
        TextOf(PropertyOf(message, "content")),
        StringOf(message, "tool_call_id"),
        [.. ArrayOf(message, "tool_calls").Select(ToolCall)]);

    private static ModelToolCall ToolCall(JsonElement call)
    {
        var function = PropertyOf(call, "function");
        return new ModelToolCall(StringOf(call, "id") ?? "", StringOf(function, "name") ?? "", StringOf(function, "arguments") ?? "");
    }
}
