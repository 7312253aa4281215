using System.Net.Sockets;
using OpenOrchestrator.Silo.Documents;
using OpenOrchestrator.Silo.Tests.Infrastructure;

namespace OpenOrchestrator.Silo.Tests.Documents;

/// <summary>Only regular files with one name are documents, whatever a bot's code leaves in its folder (issue 20, finding 1).</summary>
[Trait("Category", "Security")]
public sealed class DocumentKindTests : IDisposable
{
    private const string Bot = "0123456789abcdef0123456789abcdef";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);
    private readonly TempFolder _temp = new();
    private readonly DocumentStore _store;
    private readonly string _folder;
    private readonly Socket _socket;

    public DocumentKindTests()
    {
        _store = new DocumentStore(_temp.Sub("documents"), new DocumentOptions { MaxFileBytes = 1000 });
        _folder = Directory.CreateDirectory(_store.FolderOf(Bot)).FullName;
        File.WriteAllText(Path.Join(_folder, "notes.md"), "own");
        SpecialFiles.Fifo(Path.Join(_folder, "pipe"));
        _socket = SpecialFiles.Socket(Path.Join(_folder, "socket"));
        File.WriteAllText(Path.Join(_temp.Path, "outside.txt"), "secret");
        SpecialFiles.HardLink(Path.Join(_temp.Path, "outside.txt"), Path.Join(_folder, "linked.txt"));
        File.CreateSymbolicLink(Path.Join(_folder, "passwd"), "/etc/passwd");
    }

    [Fact]
    public void OnlyRegularFilesWithOneNameAreListed() =>
        Assert.Equal(["notes.md"], _store.List(Bot).Select(document => document.Path));

    [Theory]
    [InlineData("pipe", "named pipe")]
    [InlineData("socket", "socket")]
    [InlineData("linked.txt", "hard links")]
    [InlineData("passwd", "symbolic link")]
    public async Task WhatIsNotARegularFileWithOneNameIsRefusedAtOnce(string path, string kind)
    {
        try
        {
            var refusal = await Assert.ThrowsAsync<DocumentPathException>(() => Deadline.Within(Limit, () => _store.ReadAsync(Bot, path, CancellationToken.None)));

            Assert.Contains(kind, refusal.Message, StringComparison.Ordinal);
        }
        finally
        {
            SpecialFiles.ReleaseReaders(Path.Join(_folder, "pipe"));
        }
    }

    [Fact]
    public async Task ADeviceIsNotReadEvenThroughAPictureName()
    {
        Directory.CreateDirectory(Path.Join(_folder, "shots"));
        SpecialFiles.Device(Path.Join(_folder, "shots", "null.png"));

        await Assert.ThrowsAsync<DocumentPathException>(() => Deadline.Within(Limit, () => _store.ReadBytesAsync(Bot, "shots/null.png", CancellationToken.None)));
    }

    [Fact]
    public async Task AFileOverMaxFileBytesIsRefusedWithoutBeingRead()
    {
        SpecialFiles.Sparse(Path.Join(_folder, "huge.bin"), 1_200_000_000);

        var refusal = await Assert.ThrowsAsync<DocumentQuotaException>(() => Deadline.Within(Limit, () => _store.ReadBytesAsync(Bot, "huge.bin", CancellationToken.None)));

        Assert.Contains("1200000000 bytes", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Documents__MaxFileBytes", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileOfExactlyMaxFileBytesIsRead()
    {
        await File.WriteAllBytesAsync(Path.Join(_folder, "full.bin"), new byte[1000]);

        Assert.Equal(1000, (await _store.ReadBytesAsync(Bot, "full.bin", CancellationToken.None)).Length);
    }

    [Fact]
    public async Task ReplacingAPipeWithADocumentDoesNotWaitOnIt()
    {
        await Deadline.Within(Limit, () => _store.WriteAsync(Bot, "pipe", "now a file", CancellationToken.None));

        Assert.Equal("now a file", await _store.ReadAsync(Bot, "pipe", CancellationToken.None));
    }

    public void Dispose()
    {
        _socket.Dispose();
        _store.Dispose();
        _temp.Dispose();
    }
}
