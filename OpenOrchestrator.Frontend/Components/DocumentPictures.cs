namespace OpenOrchestrator.Frontend.Components;

/// <summary>The documents the panel shows as pictures: the raster formats the API serves as images (a browser screenshot is a PNG).</summary>
public static class DocumentPictures
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".png", ".jpg", ".jpeg", ".gif", ".webp" };

    public static bool IsPicture(string path) => Extensions.Contains(Path.GetExtension(path));
}
