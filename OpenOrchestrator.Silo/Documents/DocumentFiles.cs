namespace OpenOrchestrator.Silo.Documents;

/// <summary>Walks a bot's folder without ever following a symbolic link.</summary>
internal static class DocumentFiles
{
    private static readonly EnumerationOptions Entries = new() { AttributesToSkip = 0, IgnoreInaccessible = true };

    /// <summary>The documents: regular files with one name. Pipes, sockets, devices, links and hard-linked files are left out.</summary>
    public static IEnumerable<FileInfo> Under(string folder) =>
        Walk(folder).Where(entry => entry.Status.IsDocument).Select(entry => (FileInfo)entry.Info);

    /// <summary>What the folder holds, whoever wrote it: every entry counts, and the bytes of every regular file.</summary>
    public static DocumentUsage Measure(string folder)
    {
        long bytes = 0;
        var entries = 0;
        foreach (var (_, status) in Walk(folder))
        {
            entries++;
            bytes += status.Kind == EntryKind.Regular ? status.Size : 0;
        }

        return new DocumentUsage(bytes, entries);
    }

    private static IEnumerable<(FileSystemInfo Info, EntryStatus Status)> Walk(string folder)
    {
        var pending = new Stack<DirectoryInfo>();
        if (EntryStatus.Of(folder).Kind == EntryKind.Folder)
        {
            pending.Push(new DirectoryInfo(folder));
        }

        while (pending.TryPop(out var directory))
        {
            foreach (var entry in directory.EnumerateFileSystemInfos("*", Entries))
            {
                var status = EntryStatus.Of(entry.FullName);
                if (status.Kind == EntryKind.Missing)
                {
                    continue;
                }

                if (status.Kind == EntryKind.Folder)
                {
                    pending.Push(new DirectoryInfo(entry.FullName));
                }

                yield return (entry, status);
            }
        }
    }
}
