using System.Text.Json;

namespace OpenOrchestrator.Silo.Tools;

/// <summary>One result as a service gave it; the plugin trims and caps it.</summary>
public sealed record WebSearchHit(string Title, string Url, string Snippet)
{
    /// <summary>
    /// The hits in the <c>results</c> array of <paramref name="parent"/>, each an object with <c>title</c>, <c>url</c> and a
    /// snippet under <paramref name="snippetName"/>; a service that answers without that array did not answer in its format.
    /// </summary>
    public static IEnumerable<WebSearchHit> ReadResults(JsonElement parent, string snippetName) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Array
            ? results.EnumerateArray().Select(result => new WebSearchHit(Text(result, "title"), Text(result, "url"), Text(result, snippetName)))
            : throw new JsonException("no 'results' array");

    private static string Text(JsonElement result, string name) =>
        result.ValueKind == JsonValueKind.Object && result.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : "";
}
