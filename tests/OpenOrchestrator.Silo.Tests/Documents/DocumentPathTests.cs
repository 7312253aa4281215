using OpenOrchestrator.Silo.Documents;

namespace OpenOrchestrator.Silo.Tests.Documents;

public sealed class DocumentPathTests : IDisposable
{
    private const string Bot = "0123456789abcdef0123456789abcdef";
    private readonly TempFolder _temp = new();
    private readonly DocumentStore _store;

    public DocumentPathTests() => _store = new DocumentStore(_temp.Sub("documents"), new DocumentOptions());

    public static TheoryData<string> BadPaths => new()
    {
        "..", "../x", "a/..", "a/../../x", "a/../b", "...", ".", "./a", "a/./b",
        "/etc/passwd", "/", "C:\\x", "C:/x", "c:x", "\\\\server\\share", "a\\b",
        "", " ", "a//b", "a/",
        "a\0b", "a\nb", "a\tb", "a\u007fb",
        new string('n', 256), string.Join('/', Enumerable.Repeat(new string('d', 200), 6)),
    };

    public static TheoryData<string> BadBotIds => new() { "", "ABC", "../x", "a/b", "a.b", "a b", ".staging", "bot\0", new string('a', 65) };

    [Theory]
    [MemberData(nameof(BadPaths))]
    public async Task ReadRefusesPathsThatAreMalformedOrClimbOutOfTheFolder(string path) =>
        await Assert.ThrowsAsync<DocumentPathException>(() => _store.ReadAsync(Bot, path, CancellationToken.None));

    [Theory]
    [MemberData(nameof(BadPaths))]
    public async Task WriteRefusesPathsThatAreMalformedOrClimbOutOfTheFolder(string path)
    {
        await Assert.ThrowsAsync<DocumentPathException>(() => _store.WriteAsync(Bot, path, "x", CancellationToken.None));

        Assert.Empty(_temp.AllFiles());
    }

    [Theory]
    [MemberData(nameof(BadPaths))]
    public void DeleteRefusesPathsThatAreMalformedOrClimbOutOfTheFolder(string path) =>
        Assert.Throws<DocumentPathException>(() => _store.Delete(Bot, path));

    [Fact]
    public async Task NamesOfExactly255CharactersAreAllowed()
    {
        var name = new string('n', 255);

        await _store.WriteAsync(Bot, name, "ok", CancellationToken.None);

        Assert.Equal("ok", await _store.ReadAsync(Bot, name, CancellationToken.None));
    }

    [Fact]
    [Trait("Category", "Security")]
    public async Task NamesAreMeasuredInBytesAsTheFileSystemDoes()
    {
        var refusal = await Assert.ThrowsAsync<DocumentPathException>(
            () => _store.WriteAsync(Bot, new string('é', 200), "x", CancellationToken.None));
        await _store.WriteAsync(Bot, new string('é', 127), "ok", CancellationToken.None);

        Assert.Contains("longer than 255 bytes", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_temp.Path, refusal.Message, StringComparison.Ordinal);
        Assert.Equal("ok", await _store.ReadAsync(Bot, new string('é', 127), CancellationToken.None));
    }

    [Fact]
    public async Task DotsInsideNamesAreAllowed()
    {
        await _store.WriteAsync(Bot, ".notes/v1..2.md", "ok", CancellationToken.None);

        Assert.Equal(".notes/v1..2.md", Assert.Single(_store.List(Bot)).Path);
    }

    [Theory]
    [MemberData(nameof(BadBotIds))]
    public async Task EveryOperationRefusesBotIdsOutsideLowercaseLettersDigitsDashAndUnderscore(string botId)
    {
        Assert.Throws<ArgumentException>(() => _store.FolderOf(botId));
        Assert.Throws<ArgumentException>(() => _store.List(botId));
        Assert.Throws<ArgumentException>(() => _store.Delete(botId, "a.txt"));
        Assert.Throws<ArgumentException>(() => _store.DeleteBotFolder(botId));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.ReadAsync(botId, "a.txt", CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.WriteAsync(botId, "a.txt", "x", CancellationToken.None));
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }
}
