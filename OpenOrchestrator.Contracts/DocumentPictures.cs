namespace OpenOrchestrator.Contracts;

/// <summary>
/// The documents served and shown as pictures rather than text: the raster formats a browser shows
/// in an <c>img</c> and cannot run (a browser screenshot is a PNG). SVG stays text: served as an
/// image it could carry script.
/// </summary>
public static class DocumentPictures
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
    };

    /// <summary>The picture's media type by its extension; null for every other document.</summary>
    public static string? ContentTypeOf(string path) => Types.GetValueOrDefault(Path.GetExtension(path));

    public static bool IsPicture(string path) => ContentTypeOf(path) is not null;
}
