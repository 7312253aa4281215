using System.Text;
using System.Text.Json;

namespace OpenOrchestrator.Testing;

/// <summary>Reads the parts of a chat-completions body that scripts look at; lenient about everything else.</summary>
internal static class ModelRequestParser
{
    public static ModelRequest Parse(JsonElement body, int index, string? authorization) =>
        new()
        {
            Model = StringOf(body, "model") ?? "",
            Stream = body.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True,
            IncludeUsage = body.TryGetProperty("stream_options", out var options) && options.ValueKind == JsonValueKind.Object
                && options.TryGetProperty("include_usage", out var usage) && usage.ValueKind == JsonValueKind.True,
            Messages = [.. ArrayOf(body, "messages").Select(Message)],
            ToolNames = [.. ArrayOf(body, "tools")
                .Select(t => t.ValueKind == JsonValueKind.Object && t.TryGetProperty("function", out var f) ? StringOf(f, "name") : null)
                .OfType<string>()],
            Raw = body,
            Index = index,
            Authorization = authorization,
        };

    private static ModelMessage Message(JsonElement message) => new(
        StringOf(message, "role") ?? "",
        Content(message),
        StringOf(message, "tool_call_id"),
        [.. ArrayOf(message, "tool_calls").Select(ToolCall)]);

    private static string Content(JsonElement message)
    {
        if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("content", out var content))
        {
            return "";
        }

        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString() ?? "";
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            return "";
        }

        var text = new StringBuilder();
        foreach (var part in content.EnumerateArray())
        {
            if (part.ValueKind == JsonValueKind.Object && StringOf(part, "type") is "text" && StringOf(part, "text") is { } piece)
            {
                text.Append(piece);
            }
        }

        return text.ToString();
    }

    private static ModelToolCall ToolCall(JsonElement call)
    {
        var function = call.ValueKind == JsonValueKind.Object && call.TryGetProperty("function", out var f) ? f : default;
        return new ModelToolCall(
            StringOf(call, "id") ?? "",
            function.ValueKind == JsonValueKind.Object ? StringOf(function, "name") ?? "" : "",
            function.ValueKind == JsonValueKind.Object ? StringOf(function, "arguments") ?? "" : "");
    }

    private static IEnumerable<JsonElement> ArrayOf(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : [];

    private static string? StringOf(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
