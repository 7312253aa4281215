using System.Text.Json;

namespace OpenOrchestrator.Silo.Tools;

/// <summary>One result as a service gave it; the plugin trims and caps it.</summary>
public sealed record WebSearchHit(string Title, string Url, string Snippet)
{
    /// <summary>The hit in a result object with <c>title</c>, <c>url</c> and a snippet under <paramref name="snippetName"/>.</summary>
    public static WebSearchHit Read(JsonElement result, string snippetName) =>
        new(Text(result, "title"), Text(result, "url"), Text(result, snippetName));

    /// <summary>The array under <paramref name="name"/>; a service that answers without it did not answer in its format.</summary>
    public static JsonElement.ArrayEnumerator Results(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var results) && results.ValueKind == JsonValueKind.Array
            ? results.EnumerateArray()
            : throw new JsonException($"no '{name}' array");

    private static string Text(JsonElement result, string name) =>
        result.ValueKind == JsonValueKind.Object && result.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : "";
}
