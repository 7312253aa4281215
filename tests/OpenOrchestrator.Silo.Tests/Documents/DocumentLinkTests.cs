using OpenOrchestrator.Silo.Documents;

namespace OpenOrchestrator.Silo.Tests.Documents;

public sealed class DocumentLinkTests : IDisposable
{
    private const string Bot = "0123456789abcdef0123456789abcdef";
    private readonly TempFolder _temp = new();
    private readonly DocumentStore _store;
    private readonly string _outside;
    private readonly string _folder;

    public DocumentLinkTests()
    {
        _store = new DocumentStore(_temp.Sub("documents"), new DocumentOptions());
        _outside = _temp.Sub("outside");
        File.WriteAllText(Path.Join(_outside, "secret.txt"), "secret");
        _folder = Directory.CreateDirectory(_store.FolderOf(Bot)).FullName;
        Directory.CreateDirectory(Path.Join(_folder, "real"));
        File.WriteAllText(Path.Join(_folder, "real", "own.txt"), "own");
        File.CreateSymbolicLink(Path.Join(_folder, "leak.txt"), Path.Join(_outside, "secret.txt"));
        File.CreateSymbolicLink(Path.Join(_folder, "dangling.txt"), Path.Join(_outside, "missing.txt"));
        Directory.CreateSymbolicLink(Path.Join(_folder, "shared"), _outside);
        Directory.CreateSymbolicLink(Path.Join(_folder, "real", "deep"), _outside);
    }

    public static TheoryData<string> LinkedPaths => new()
    {
        "leak.txt", "dangling.txt", "shared", "shared/secret.txt", "shared/new.txt", "real/deep/secret.txt", "real/deep/a/b.txt",
    };

    [Theory]
    [MemberData(nameof(LinkedPaths))]
    public async Task ReadRefusesSymbolicLinksAndPathsThroughThem(string path) =>
        await Assert.ThrowsAsync<DocumentPathException>(() => _store.ReadAsync(Bot, path, CancellationToken.None));

    [Theory]
    [MemberData(nameof(LinkedPaths))]
    public async Task WriteRefusesSymbolicLinksAndPathsThroughThem(string path)
    {
        await Assert.ThrowsAsync<DocumentPathException>(() => _store.WriteAsync(Bot, path, "overwritten", CancellationToken.None));

        Assert.Equal(["secret.txt"], Directory.EnumerateFileSystemEntries(_outside).Select(Path.GetFileName));
        Assert.Equal("secret", File.ReadAllText(Path.Join(_outside, "secret.txt")));
    }

    [Theory]
    [MemberData(nameof(LinkedPaths))]
    public void DeleteRefusesSymbolicLinksAndPathsThroughThem(string path)
    {
        Assert.Throws<DocumentPathException>(() => _store.Delete(Bot, path));

        Assert.True(File.Exists(Path.Join(_outside, "secret.txt")));
        Assert.NotNull(new FileInfo(Path.Join(_folder, "leak.txt")).LinkTarget);
    }

    [Fact]
    public void ListSkipsSymbolicLinksAndNeverLooksThroughThem()
    {
        Assert.Equal(["real/own.txt"], _store.List(Bot).Select(document => document.Path));
        Assert.Equal(3, _store.UsedBytes(Bot));
    }

    [Fact]
    public async Task ABotFolderThatIsItselfALinkIsNeitherReadNorWrittenNorListed()
    {
        const string Linked = "linkedbot";
        Directory.CreateSymbolicLink(_store.FolderOf(Linked), _outside);

        await Assert.ThrowsAsync<DocumentPathException>(() => _store.ReadAsync(Linked, "secret.txt", CancellationToken.None));
        await Assert.ThrowsAsync<DocumentPathException>(() => _store.WriteAsync(Linked, "new.txt", "x", CancellationToken.None));
        Assert.Empty(_store.List(Linked));
    }

    [Fact]
    public void DeletingTheBotFolderRemovesLinksWithoutFollowingThem()
    {
        _store.DeleteBotFolder(Bot);

        Assert.False(Directory.Exists(_folder));
        Assert.Equal("secret", File.ReadAllText(Path.Join(_outside, "secret.txt")));
    }

    [Fact]
    public void DeletingABotFolderThatIsALinkRemovesOnlyTheLink()
    {
        const string Linked = "linkedbot";
        Directory.CreateSymbolicLink(_store.FolderOf(Linked), _outside);

        _store.DeleteBotFolder(Linked);

        Assert.False(Path.Exists(_store.FolderOf(Linked)));
        Assert.True(File.Exists(Path.Join(_outside, "secret.txt")));
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }
}
