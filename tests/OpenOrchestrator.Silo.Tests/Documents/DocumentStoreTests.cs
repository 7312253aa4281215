using OpenOrchestrator.Silo.Documents;

namespace OpenOrchestrator.Silo.Tests.Documents;

public sealed class DocumentStoreTests : IDisposable
{
    private const string Bot = "0123456789abcdef0123456789abcdef";
    private readonly TempFolder _temp = new();
    private readonly DocumentStore _store;

    public DocumentStoreTests() => _store = new DocumentStore(_temp.Path, new DocumentOptions());

    [Fact]
    public async Task WrittenDocumentsReadBackAsUtf8InNewSubFolders()
    {
        await _store.WriteAsync(Bot, "notes/2024/today.md", "Grüße — 你好 🚀", CancellationToken.None);

        Assert.Equal("Grüße — 你好 🚀", await _store.ReadAsync(Bot, "notes/2024/today.md", CancellationToken.None));
        Assert.Equal(
            "Grüße — 你好 🚀"u8.ToArray(),
            await File.ReadAllBytesAsync(Path.Join(_store.FolderOf(Bot), "notes", "2024", "today.md")));
    }

    [Fact]
    public void FolderOfIsTheBotIdUnderTheRootAndIsCreatedOnlyByAWrite()
    {
        Assert.Equal(Path.Join(_temp.Path, Bot), _store.FolderOf(Bot));
        Assert.Empty(_store.List(Bot));
        Assert.False(Directory.Exists(_store.FolderOf(Bot)));
    }

    [Fact]
    public async Task ListIsRecursiveRelativeSlashSeparatedAndSorted()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-2);
        foreach (var path in new[] { "b.txt", "a/z.txt", "a/b/c.md", "A.txt" })
        {
            await _store.WriteAsync(Bot, path, path, CancellationToken.None);
        }

        var documents = _store.List(Bot);

        Assert.Equal(["A.txt", "a/b/c.md", "a/z.txt", "b.txt"], documents.Select(document => document.Path));
        Assert.Equal([5L, 8L, 7L, 5L], documents.Select(document => document.Size));
        Assert.All(documents, document => Assert.InRange(document.UpdatedAt, before, DateTimeOffset.UtcNow.AddSeconds(2)));
    }

    [Fact]
    public async Task BotsDoNotSeeEachOthersDocuments()
    {
        await _store.WriteAsync(Bot, "mine.txt", "mine", CancellationToken.None);

        Assert.Empty(_store.List("otherbot"));
        await Assert.ThrowsAsync<FileNotFoundException>(() => _store.ReadAsync("otherbot", "mine.txt", CancellationToken.None));
    }

    [Fact]
    public async Task ReadingAMissingDocumentThrowsFileNotFound()
    {
        var missing = await Assert.ThrowsAsync<FileNotFoundException>(
            () => _store.ReadAsync(Bot, "missing.txt", CancellationToken.None));

        Assert.Equal("missing.txt", missing.FileName);
    }

    [Fact]
    public async Task DeleteSaysWhetherThereWasADocument()
    {
        await _store.WriteAsync(Bot, "a/b.txt", "x", CancellationToken.None);

        Assert.True(_store.Delete(Bot, "a/b.txt"));
        Assert.False(_store.Delete(Bot, "a/b.txt"));
        Assert.Empty(_store.List(Bot));
    }

    [Fact]
    public async Task FoldersAreNotDocuments()
    {
        await _store.WriteAsync(Bot, "a/b.txt", "x", CancellationToken.None);

        await Assert.ThrowsAsync<DocumentPathException>(() => _store.ReadAsync(Bot, "a", CancellationToken.None));
        await Assert.ThrowsAsync<DocumentPathException>(() => _store.WriteAsync(Bot, "a", "x", CancellationToken.None));
        Assert.Throws<DocumentPathException>(() => _store.Delete(Bot, "a"));
        await Assert.ThrowsAsync<DocumentPathException>(() => _store.WriteAsync(Bot, "a/b.txt/c.txt", "x", CancellationToken.None));
        Assert.Equal([$"{Bot}/a/b.txt"], _temp.AllFiles());
    }

    [Fact]
    public async Task WritesAndReplacementsLeaveNoTemporaryFiles()
    {
        await _store.WriteAsync(Bot, "a.txt", "first", CancellationToken.None);
        await _store.WriteAsync(Bot, "a.txt", "second", CancellationToken.None);
        await _store.WriteAsync(Bot, "sub/b.txt", "third", CancellationToken.None);

        Assert.Equal([$"{Bot}/a.txt", $"{Bot}/sub/b.txt"], _temp.AllFiles());
        Assert.Equal("second", await _store.ReadAsync(Bot, "a.txt", CancellationToken.None));
    }

    [Fact]
    public async Task ACancelledWriteChangesNothing()
    {
        await _store.WriteAsync(Bot, "a.txt", "old", CancellationToken.None);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _store.WriteAsync(Bot, "a.txt", "new", new CancellationToken(canceled: true)));

        Assert.Equal("old", await _store.ReadAsync(Bot, "a.txt", CancellationToken.None));
        Assert.Equal([$"{Bot}/a.txt"], _temp.AllFiles());
    }

    [Fact]
    public async Task DeletingTheBotFolderRemovesEverythingOfThatBotOnly()
    {
        await _store.WriteAsync(Bot, "a/b.txt", "x", CancellationToken.None);
        await _store.WriteAsync("otherbot", "keep.txt", "x", CancellationToken.None);

        _store.DeleteBotFolder(Bot);
        _store.DeleteBotFolder("neverwritten");

        Assert.False(Directory.Exists(_store.FolderOf(Bot)));
        Assert.Equal(["otherbot/keep.txt"], _temp.AllFiles());
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }
}
