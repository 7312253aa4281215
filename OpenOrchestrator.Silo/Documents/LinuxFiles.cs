using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace OpenOrchestrator.Silo.Documents;

/// <summary>
/// The Linux calls .NET does not offer: statx, which tells a pipe or device from a file and counts hard
/// links, and open with O_NOFOLLOW | O_NONBLOCK, which neither follows a link nor waits for a pipe's writer.
/// </summary>
internal static class LinuxFiles
{
    private const int CurrentFolder = -100;
    private const int SymlinkNoFollow = 0x100;
    private const int EmptyPath = 0x1000;
    private const uint BasicStats = 0x7ff;
    private const int NonBlocking = 0x800;
    private const int CloseOnExec = 0x80000;
    private const int NoSuchEntry = 2;
    private const int NotAFolder = 20;

    // O_NOFOLLOW is one of the few open flags whose value differs between architectures.
    private static readonly int NoFollow = RuntimeInformation.ProcessArchitecture
        is Architecture.Arm or Architecture.Arm64 or Architecture.Ppc64le ? 0x8000 : 0x20000;

    /// <summary>The errno for "too many levels of symbolic links", what O_NOFOLLOW answers for a link.</summary>
    public const int IsALink = 40;

    public static EntryStatus Status(string path)
    {
        if (Statx(CurrentFolder, Terminated(path), SymlinkNoFollow, BasicStats, out var status) == 0)
        {
            return status.ToEntryStatus();
        }

        var errno = Marshal.GetLastPInvokeError();
        return errno is NoSuchEntry or NotAFolder ? EntryStatus.Missing : throw new IOException($"The file system refused to describe an entry (errno {errno}).");
    }

    public static EntryStatus Status(SafeFileHandle handle)
    {
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return Statx((int)handle.DangerousGetHandle(), [0], EmptyPath, BasicStats, out var status) == 0
                ? status.ToEntryStatus()
                : throw new IOException($"The file system refused to describe an open file (errno {Marshal.GetLastPInvokeError()}).");
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    /// <summary>An open handle for reading, or null with the errno (<see cref="IsALink"/>, ENOENT, …).</summary>
    public static SafeFileHandle? OpenForReading(string path, out int errno)
    {
        var descriptor = Open(Terminated(path), NoFollow | NonBlocking | CloseOnExec);
        errno = descriptor < 0 ? Marshal.GetLastPInvokeError() : 0;
        return descriptor < 0 ? null : new SafeFileHandle(descriptor, ownsHandle: true);
    }

    public static bool IsMissing(int errno) => errno is NoSuchEntry or NotAFolder;

    // The path as C takes it: UTF-8 bytes ending in NUL (a path with a NUL in it was refused long before).
    private static byte[] Terminated(string path) => Encoding.UTF8.GetBytes(path + '\0');

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int folder, byte[] path, int flags, uint mask, out StatxBuffer status);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open(byte[] path, int flags);

    /// <summary>struct statx: the same layout on every architecture, 256 bytes.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(16)] public uint Links;
        [FieldOffset(28)] public ushort Mode;
        [FieldOffset(32)] public ulong Inode;
        [FieldOffset(40)] public ulong Size;
        [FieldOffset(136)] public uint DeviceMajor;
        [FieldOffset(140)] public uint DeviceMinor;

        public readonly EntryStatus ToEntryStatus() => new(
            (Mode & 0xF000) switch
            {
                0x8000 => EntryKind.Regular,
                0x4000 => EntryKind.Folder,
                0xA000 => EntryKind.SymbolicLink,
                0x1000 => EntryKind.Fifo,
                0xC000 => EntryKind.Socket,
                _ => EntryKind.Device,
            },
            (long)Size,
            Links,
            (((ulong)DeviceMajor << 32) | DeviceMinor, Inode));
    }
}
