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

    public long UsedBytes(string botId) => DocumentFiles.Under(FolderOf(botId)).Sum(file => file.Length);

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

            var replaced = File.Exists(target) ? new FileInfo(target).Length : 0;
            var used = DocumentFiles.Under(folder).Sum(file => file.Length);
            if (used - replaced + bytes.Length > _options.QuotaBytes)
            {
                throw new DocumentQuotaException(
                    $"Writing {bytes.Length} bytes would take the bot's documents to {used - replaced + bytes.Length} bytes; "
                    + $"the quota is {_options.QuotaBytes} bytes.");
            }

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
}
