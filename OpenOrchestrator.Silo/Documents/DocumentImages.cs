namespace OpenOrchestrator.Silo.Documents;

/// <summary>
/// The documents served as pictures rather than text: the raster formats a browser shows in an
/// <c>img</c> and cannot run. SVG stays text: served as an image it could carry script.
/// </summary>
public static class DocumentImages
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
    };

    /// <summary>The image's media type by its extension; null for every other document.</summary>
    public static string? ContentTypeOf(string path) => Types.GetValueOrDefault(Path.GetExtension(path));
}
