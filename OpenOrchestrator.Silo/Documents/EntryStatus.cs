using Microsoft.Win32.SafeHandles;

namespace OpenOrchestrator.Silo.Documents;

/// <summary>What a name in a bot's folder is, as the file system says (lstat), never through a link.</summary>
internal enum EntryKind
{
    Missing,
    Regular,
    Folder,
    SymbolicLink,
    Fifo,
    Socket,
    Device,
}

/// <summary>
/// The type, size and link count of one entry, and its device and inode to tell whether a name still
/// leads to the same file. Exact on Linux; elsewhere .NET cannot tell pipes and devices from files.
/// </summary>
internal readonly record struct EntryStatus(EntryKind Kind, long Size, long Links, (ulong Device, ulong Inode) Identity)
{
    public static readonly EntryStatus Missing = new(EntryKind.Missing, 0, 0, default);

    /// <summary>A regular file with no other name: the only kind of entry that is a document.</summary>
    public bool IsDocument => Kind == EntryKind.Regular && Links == 1;

    /// <summary>The entry itself, never what a link points to.</summary>
    public static EntryStatus Of(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            return LinuxFiles.Status(path);
        }

        var info = new FileInfo(path);
        return DocumentPaths.IsLink(info) ? new(EntryKind.SymbolicLink, 0, 1, default)
            : Directory.Exists(path) ? new(EntryKind.Folder, 0, 1, default)
            : info.Exists ? new(EntryKind.Regular, info.Length, 1, default)
            : Missing;
    }

    /// <summary>The file an open handle reads.</summary>
    public static EntryStatus Of(SafeFileHandle handle) =>
        OperatingSystem.IsLinux() ? LinuxFiles.Status(handle) : new(EntryKind.Regular, RandomAccess.GetLength(handle), 1, default);

    /// <summary>"a named pipe (FIFO)", "a socket", …: for messages.</summary>
    public string Describe() => Kind switch
    {
        EntryKind.Folder => "a folder",
        EntryKind.SymbolicLink => "a symbolic link",
        EntryKind.Fifo => "a named pipe (FIFO)",
        EntryKind.Socket => "a socket",
        EntryKind.Device => "a device",
        _ when Links > 1 => "a file with other names (hard links)",
        _ => "a file",
    };
}
