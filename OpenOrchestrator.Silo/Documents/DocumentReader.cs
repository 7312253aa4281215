using Microsoft.Win32.SafeHandles;

namespace OpenOrchestrator.Silo.Documents;

/// <summary>
/// Reads a document only when it is a regular file with one name, never through a link, never waiting on
/// a pipe, and never past the size limit: a bot's code can leave anything in its folder.
/// </summary>
internal static class DocumentReader
{
    public static async Task<byte[]> ReadAsync(string target, string path, long maxBytes, CancellationToken cancellationToken)
    {
        maxBytes = Math.Min(maxBytes, Array.MaxLength - 1);
        var named = EntryStatus.Of(target);
        EnsureReadable(named, path, maxBytes);

        using var handle = Open(target, path);
        // The name may have been pointed elsewhere between the two looks: read only the file that was checked.
        var opened = EntryStatus.Of(handle);
        if (opened.Identity != named.Identity)
        {
            throw new DocumentPathException($"'{path}' changed while it was being opened; try again.");
        }

        EnsureReadable(opened, path, maxBytes);
        return await ReadUpToAsync(handle, opened.Size, path, maxBytes, cancellationToken).ConfigureAwait(false);
    }

    private static void EnsureReadable(EntryStatus status, string path, long maxBytes)
    {
        if (status.Kind == EntryKind.Missing)
        {
            throw new FileNotFoundException($"There is no document '{path}'.", path);
        }

        if (!status.IsDocument)
        {
            throw new DocumentPathException($"'{path}' is {status.Describe()}, not a document; only regular files are read.");
        }

        if (status.Size > maxBytes)
        {
            throw TooLarge(path, status.Size, maxBytes);
        }
    }

    private static SafeFileHandle Open(string target, string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return File.OpenHandle(target, FileMode.Open, FileAccess.Read, FileShare.Read);
        }

        return LinuxFiles.OpenForReading(target, out var errno) ?? throw errno switch
        {
            LinuxFiles.IsALink => new DocumentPathException($"'{path}' is a symbolic link, not a document."),
            _ when LinuxFiles.IsMissing(errno) => new FileNotFoundException($"There is no document '{path}'.", path),
            _ => new IOException($"The document could not be opened (errno {errno})."),
        };
    }

    // The file can grow after it was measured: read at most one byte past the limit to notice.
    private static async Task<byte[]> ReadUpToAsync(SafeFileHandle handle, long size, string path, long maxBytes, CancellationToken cancellationToken)
    {
        var content = new byte[Math.Min(size, maxBytes) + 1];
        var length = 0;
        while (true)
        {
            if (length == content.Length)
            {
                if (length > maxBytes)
                {
                    throw new DocumentQuotaException($"'{path}' grew past {maxBytes} bytes while it was read; documents are read up to {maxBytes} bytes (Documents__MaxFileBytes).");
                }

                Array.Resize(ref content, (int)Math.Min(maxBytes + 1, content.Length * 2L));
            }

            var read = await RandomAccess.ReadAsync(handle, content.AsMemory(length), length, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return content[..length];
            }

            length += read;
        }
    }

    private static DocumentQuotaException TooLarge(string path, long size, long maxBytes) => new(
        $"'{path}' is {size} bytes; documents are read up to {maxBytes} bytes (Documents__MaxFileBytes).");
}
