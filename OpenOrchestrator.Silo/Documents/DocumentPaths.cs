using System.Text;

namespace OpenOrchestrator.Silo.Documents;

/// <summary>Validates bot ids and document paths, and confines paths to a bot's folder.</summary>
internal static class DocumentPaths
{
    public const int MaxPathLength = 1024;
    public const int MaxNameLength = 255;
    private const int MaxBotIdLength = 64;

    private static readonly StringComparison FileSystemCase =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public static void ValidateBotId(string botId)
    {
        if (string.IsNullOrEmpty(botId) || botId.Length > MaxBotIdLength
            || !botId.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-'))
        {
            throw new ArgumentException($"'{botId}' is not a valid bot id (only a-z, 0-9, '_' and '-').", nameof(botId));
        }
    }

    /// <summary>The full path of <paramref name="path"/> inside <paramref name="folder"/>, refusing anything that could leave it.</summary>
    public static string Resolve(string folder, string path)
    {
        Validate(path);
        var full = Path.GetFullPath(Path.Join(folder, path));
        if (!full.StartsWith(folder + Path.DirectorySeparatorChar, FileSystemCase))
        {
            throw Refused(path, "it leaves the bot's folder");
        }

        EnsureNoLinks(folder, path);
        return full;
    }

    public static bool IsLink(FileSystemInfo info) =>
        info.LinkTarget is not null || (info.Exists && info.Attributes.HasFlag(FileAttributes.ReparsePoint));

    public static bool IsLink(string path) => IsLink(new FileInfo(path)) || IsLink(new DirectoryInfo(path));

    private static void Validate(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new DocumentPathException("The document path is empty.");
        }

        var problem = path switch
        {
            _ when Encoding.UTF8.GetByteCount(path) > MaxPathLength => $"it is longer than {MaxPathLength} bytes in UTF-8",
            _ when path.Any(char.IsControl) => "it contains control characters",
            _ when path.Contains('\\', StringComparison.Ordinal) => "it contains a backslash (use '/' between folders)",
            _ when path.StartsWith('/') || Path.IsPathRooted(path) || (path.Length > 1 && path[1] == ':') => "it is absolute",
            _ => null,
        };
        problem ??= path.Split('/').Select(SegmentProblem).FirstOrDefault(p => p is not null);
        if (problem is not null)
        {
            throw Refused(path, problem);
        }
    }

    private static string? SegmentProblem(string segment) => segment switch
    {
        "" => "it has an empty folder name",
        _ when segment.All(c => c == '.') => "'.' and '..' are not allowed",
        // File systems count a name's bytes, not its characters: 200 × 'é' is 400 bytes.
        _ when Encoding.UTF8.GetByteCount(segment) > MaxNameLength => $"a name is longer than {MaxNameLength} bytes in UTF-8",
        _ => null,
    };

    // Checks the bot's folder and every existing part of the path, so no link can lead out of the folder.
    private static void EnsureNoLinks(string folder, string path)
    {
        if (IsLink(folder))
        {
            throw Refused(path, "the bot's folder is a symbolic link");
        }

        var current = folder;
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            current = Path.Join(current, segments[i]);
            if (IsLink(current))
            {
                throw Refused(path, $"'{string.Join('/', segments[..(i + 1)])}' is a symbolic link");
            }

            if (File.Exists(current) && i < segments.Length - 1)
            {
                throw Refused(path, $"'{string.Join('/', segments[..(i + 1)])}' is a document, not a folder");
            }

            if (!Directory.Exists(current))
            {
                return;
            }
        }
    }

    private static DocumentPathException Refused(string path, string problem) =>
        new($"The document path '{Printable(path)}' is not allowed: {problem}.");

    private static string Printable(string path)
    {
        var shown = new string(path.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return shown.Length > 80 ? string.Concat(shown.AsSpan(0, 80), "...") : shown;
    }
}
