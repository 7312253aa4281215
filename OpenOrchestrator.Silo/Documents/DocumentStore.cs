using System.Text;
using OpenOrchestrator.Contracts;

namespace OpenOrchestrator.Silo.Documents;

/// <summary>Each bot's documents, kept in <c>{root}/{botId}/</c> and never reachable outside it.</summary>
public sealed class DocumentStore : IDisposable
{
    // Under the root but outside every bot folder (bot ids cannot start with '.'), so never listed or counted.
    private const string StagingFolder = ".staging";
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly string _root;
    private readonly DocumentOptions _options;
    // Serialises writes so two of them cannot both pass the quota check.
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public DocumentStore(string root, DocumentOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        ArgumentNullException.ThrowIfNull(options);
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        _options = options;
    }

    public void Dispose() => _writeGate.Dispose();

    public string FolderOf(string botId)
    {
        DocumentPaths.ValidateBotId(botId);
        return Path.Join(_root, botId);
    }

    /// <summary>Every document, paths relative with '/' separators, sorted; only regular files with one name are documents.</summary>
    public IReadOnlyList<DocumentInfo> List(string botId)
    {
        var folder = FolderOf(botId);
        return DocumentFiles.Under(folder)
            .Select(file => new DocumentInfo(
                Path.GetRelativePath(folder, file.FullName).Replace(Path.DirectorySeparatorChar, '/'),
                file.Length,
                new DateTimeOffset(file.LastWriteTimeUtc)))
            .OrderBy(document => document.Path, StringComparer.Ordinal)
            .ToList();
    }

    public long UsedBytes(string botId) => Usage(botId).Bytes;

    /// <summary>What the bot's folder holds, also what its code left there.</summary>
    public DocumentUsage Usage(string botId) => DocumentFiles.Measure(FolderOf(botId));

    /// <summary>Null while the bot's folder has room; else what it holds against the quota.</summary>
    public string? QuotaUsedUp(string botId)
    {
        var usage = Usage(botId);
        return usage.IsUsedUp(_options) ? $"Document quota used up: {usage.Describe(_options)}." : null;
    }

    public async Task<string> ReadAsync(string botId, string path, CancellationToken cancellationToken)
    {
        var bytes = await ReadBytesAsync(botId, path, cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(new MemoryStream(bytes), Utf8, detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A file's bytes as they are, for documents that are not text (a browser screenshot).</summary>
    public Task<byte[]> ReadBytesAsync(string botId, string path, CancellationToken cancellationToken) =>
        DocumentReader.ReadAsync(DocumentPaths.Resolve(FolderOf(botId), path), path, _options.MaxFileBytes, cancellationToken);

    /// <summary>Writes UTF-8 through a temporary file moved into place, so a failed write changes nothing.</summary>
    public Task WriteAsync(string botId, string path, string content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        return WriteAsync(botId, path, Utf8.GetBytes(content), cancellationToken);
    }

    /// <summary>Writes bytes (a screenshot, say) under the same limits and quota as text.</summary>
    public async Task WriteAsync(string botId, string path, byte[] bytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var folder = FolderOf(botId);
        if (bytes.Length > _options.MaxFileBytes)
        {
            throw new DocumentQuotaException(
                $"The document is {bytes.Length} bytes; a document may be at most {_options.MaxFileBytes} bytes.");
        }

        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var target = DocumentPaths.Resolve(folder, path);
            if (Directory.Exists(target))
            {
                throw new DocumentPathException($"'{path}' is a folder, not a document.");
            }

            EnsureRoom(folder, target, bytes.Length);

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await AtomicFile.WriteAsync(Path.Join(_root, StagingFolder), target, bytes, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>False when there was no such document.</summary>
    public bool Delete(string botId, string path)
    {
        var target = DocumentPaths.Resolve(FolderOf(botId), path);
        if (Directory.Exists(target))
        {
            throw new DocumentPathException($"'{path}' is a folder, not a document.");
        }

        if (!File.Exists(target))
        {
            return false;
        }

        File.Delete(target);
        return true;
    }

    /// <summary>Removes the bot's folder; links inside it are removed, never followed.</summary>
    public void DeleteBotFolder(string botId)
    {
        var folder = FolderOf(botId);
        if (DocumentPaths.IsLink(folder))
        {
            File.Delete(folder);
        }
        else if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // Counts everything in the folder, so what the code tool left there uses the same quota.
    private void EnsureRoom(string folder, string target, long length)
    {
        var usage = DocumentFiles.Measure(folder);
        var existing = EntryStatus.Of(target);
        var replaced = existing.IsDocument ? existing.Size : 0;
        var bytes = usage.Bytes - replaced + length;
        if (bytes > _options.QuotaBytes)
        {
            throw new DocumentQuotaException(usage.Bytes > _options.QuotaBytes
                ? $"Document quota used up: {usage.Describe(_options)}. Delete documents before writing more."
                : $"Writing {length} bytes would take the bot's documents to {bytes} bytes; the quota is {_options.QuotaBytes} bytes.");
        }

        var entries = usage.Entries + NewEntries(folder, target);
        if (entries > _options.MaxFiles)
        {
            throw new DocumentQuotaException(
                $"Document quota used up: {usage.Describe(_options)}; the write would make {entries}. Delete documents before writing more.");
        }
    }

    // The file itself and each folder on its way that does not exist yet.
    private static int NewEntries(string folder, string target)
    {
        var added = 0;
        for (var current = target; current.Length > folder.Length && !Path.Exists(current); current = Path.GetDirectoryName(current)!)
        {
            added++;
        }

        return added;
    }
}
