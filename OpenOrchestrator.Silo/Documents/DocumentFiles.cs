namespace OpenOrchestrator.Silo.Documents;

/// <summary>Walks a bot's folder without ever following a symbolic link.</summary>
internal static class DocumentFiles
{
    private static readonly EnumerationOptions Entries = new() { AttributesToSkip = 0, IgnoreInaccessible = true };

    public static IEnumerable<FileInfo> Under(string folder)
    {
        var pending = new Stack<DirectoryInfo>();
        var root = new DirectoryInfo(folder);
        if (root.Exists && !DocumentPaths.IsLink(root))
        {
            pending.Push(root);
        }

        while (pending.TryPop(out var directory))
        {
            foreach (var entry in directory.EnumerateFileSystemInfos("*", Entries))
            {
                if (DocumentPaths.IsLink(entry))
                {
                    continue;
                }

                if (entry is DirectoryInfo child)
                {
                    pending.Push(child);
                }
                else if (entry is FileInfo file)
                {
                    yield return file;
                }
            }
        }
    }
}
