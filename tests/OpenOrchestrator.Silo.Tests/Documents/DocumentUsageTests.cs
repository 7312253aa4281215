using OpenOrchestrator.Silo.Documents;

namespace OpenOrchestrator.Silo.Tests.Documents;

/// <summary>The quota counts everything in a bot's folder, also what its code wrote there (issue 20, finding 1).</summary>
[Trait("Category", "Security")]
public sealed class DocumentUsageTests : IDisposable
{
    private const string Bot = "0123456789abcdef0123456789abcdef";
    private readonly TempFolder _temp = new();
    private readonly DocumentStore _store;
    private readonly string _folder;

    public DocumentUsageTests()
    {
        _store = new DocumentStore(_temp.Sub("documents"), new DocumentOptions { QuotaBytes = 100, MaxFileBytes = 60, MaxFiles = 5 });
        _folder = Directory.CreateDirectory(_store.FolderOf(Bot)).FullName;
    }

    [Fact]
    public async Task BytesWrittenBesideTheStoreFillTheQuotaAndRefuseFurtherWrites()
    {
        await File.WriteAllBytesAsync(Path.Join(_folder, "big.bin"), new byte[150]);

        var refusal = await Assert.ThrowsAsync<DocumentQuotaException>(() => _store.WriteAsync(Bot, "note.md", "x", CancellationToken.None));

        Assert.StartsWith("Document quota used up: 150 of 100 bytes", refusal.Message, StringComparison.Ordinal);
        Assert.StartsWith("Document quota used up: 150 of 100 bytes", _store.QuotaUsedUp(Bot), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASparseFileCountsAtItsFullLength()
    {
        SpecialFiles.Sparse(Path.Join(_folder, "sparse.bin"), 1_200_000_000);

        Assert.Equal(new DocumentUsage(1_200_000_000, 1), _store.Usage(Bot));
        await Assert.ThrowsAsync<DocumentQuotaException>(() => _store.WriteAsync(Bot, "note.md", "x", CancellationToken.None));
    }

    [Fact]
    public async Task EveryEntryCountsAgainstMaxFilesAndAReplacementStillFits()
    {
        Directory.CreateDirectory(Path.Join(_folder, "a", "b"));
        SpecialFiles.Fifo(Path.Join(_folder, "pipe"));
        await File.WriteAllTextAsync(Path.Join(_folder, "one.md"), "1");
        await File.WriteAllTextAsync(Path.Join(_folder, "a", "two.md"), "2");

        var refusal = await Assert.ThrowsAsync<DocumentQuotaException>(() => _store.WriteAsync(Bot, "three.md", "3", CancellationToken.None));
        await _store.WriteAsync(Bot, "one.md", "replaced", CancellationToken.None);

        Assert.Equal(new DocumentUsage(9, 5), _store.Usage(Bot));
        Assert.Contains("5 of 5 files and folders", refusal.Message, StringComparison.Ordinal);
        Assert.NotNull(_store.QuotaUsedUp(Bot));
    }

    [Fact]
    public async Task TheFoldersAWriteCreatesCountToo()
    {
        await _store.WriteAsync(Bot, "a/b/c.md", "c", CancellationToken.None);
        await _store.WriteAsync(Bot, "a/d.md", "d", CancellationToken.None);

        await Assert.ThrowsAsync<DocumentQuotaException>(() => _store.WriteAsync(Bot, "e/f.md", "f", CancellationToken.None));

        Assert.Equal(new DocumentUsage(2, 4), _store.Usage(Bot));
    }

    [Fact]
    public async Task DeletingWhatFillsTheFolderMakesRoomAgain()
    {
        await File.WriteAllBytesAsync(Path.Join(_folder, "big.bin"), new byte[150]);

        Assert.True(_store.Delete(Bot, "big.bin"));
        await _store.WriteAsync(Bot, "note.md", "x", CancellationToken.None);

        Assert.Null(_store.QuotaUsedUp(Bot));
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }
}
