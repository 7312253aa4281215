using System.Text.Json;
using static OpenOrchestrator.Testing.JsonFields;

namespace OpenOrchestrator.Testing;

/// <summary>
/// Reads a Messages API body into the terms of a chat-completions request, so one script serves both servers:
/// the top-level system prompt becomes a system message, tool_use blocks an assistant's calls and each
/// tool_result block a "tool" message.
/// </summary>
internal static class AnthropicRequestParser
{
    public static ModelRequest Parse(JsonElement body, int index, string? apiKey)
    {
        var stream = IsTrue(body, "stream");
        var system = PropertyOf(body, "system");
        return new()
        {
            Model = StringOf(body, "model") ?? "",
            Stream = stream,
            IncludeUsage = stream,
            Messages =
            [
                .. system.ValueKind is JsonValueKind.String or JsonValueKind.Array ? [new ModelMessage("system", TextOf(system), null, [])] : Array.Empty<ModelMessage>(),
                .. ArrayOf(body, "messages").SelectMany(Messages),
            ],
            ToolNames = [.. ArrayOf(body, "tools").Select(t => StringOf(t, "name")).OfType<string>()],
            Raw = body,
            Index = index,
            Authorization = apiKey,
        };
    }

    private static IEnumerable<ModelMessage> Messages(JsonElement message)
    {
        var role = StringOf(message, "role") ?? "";
        var content = PropertyOf(message, "content");
        var blocks = ArrayOf(message, "content").ToList();
        if (role == "assistant")
        {
            var calls = blocks.Where(b => StringOf(b, "type") == "tool_use")
                .Select(b => new ModelToolCall(StringOf(b, "id") ?? "", StringOf(b, "name") ?? "", InputOf(b)));
            yield return new ModelMessage(role, TextOf(content), null, [.. calls]);
            yield break;
        }

        // Anthropic carries tool results inside a user message, where chat completions give each its own message.
        var results = blocks.Where(b => StringOf(b, "type") == "tool_result").ToList();
        foreach (var result in results)
        {
            yield return new ModelMessage("tool", TextOf(PropertyOf(result, "content")), StringOf(result, "tool_use_id"), []);
        }

        var text = TextOf(content);
        if (results.Count == 0 || text.Length > 0)
        {
            yield return new ModelMessage(role, text, null, []);
        }
    }

    private static string InputOf(JsonElement toolUse) =>
        PropertyOf(toolUse, "input") is { ValueKind: not JsonValueKind.Undefined } input ? input.GetRawText() : "{}";
}
