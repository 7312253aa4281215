using System.Text;
using System.Text.Json;

namespace OpenOrchestrator.Testing;

/// <summary>Lenient reads of a request body: a missing or mistyped field reads as empty and never throws.</summary>
internal static class JsonFields
{
    public static IEnumerable<JsonElement> ArrayOf(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : [];

    public static string? StringOf(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static bool IsTrue(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    /// <summary>The named property, or an undefined element when there is none.</summary>
    public static JsonElement PropertyOf(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) ? value : default;

    /// <summary>Content given as a string, or as parts of which the "text" ones are joined; empty otherwise.</summary>
    public static string TextOf(JsonElement content)
    {
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
            if (StringOf(part, "type") is "text" && StringOf(part, "text") is { } piece)
            {
                text.Append(piece);
            }
        }

        return text.ToString();
    }
}
