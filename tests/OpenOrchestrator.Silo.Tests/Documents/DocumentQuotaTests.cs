using OpenOrchestrator.Silo.Documents;

namespace OpenOrchestrator.Silo.Tests.Documents;

public sealed class DocumentQuotaTests : IDisposable
{
    private const string Bot = "0123456789abcdef0123456789abcdef";
    private readonly TempFolder _temp = new();
    private readonly DocumentStore _store;

    public DocumentQuotaTests() =>
        _store = new DocumentStore(_temp.Sub("documents"), new DocumentOptions { QuotaBytes = 100, MaxFileBytes = 60 });

    [Theory]
    [InlineData(61)]
    [InlineData(1_000)]
    public async Task WritesOverMaxFileBytesAreRefused(int length)
    {
        await Assert.ThrowsAsync<DocumentQuotaException>(
            () => _store.WriteAsync(Bot, "big.txt", new string('x', length), CancellationToken.None));

        Assert.Empty(_store.List(Bot));
    }

    [Fact]
    public async Task MaxFileBytesCountsUtf8BytesNotCharacters() =>
        await Assert.ThrowsAsync<DocumentQuotaException>(
            () => _store.WriteAsync(Bot, "accents.txt", new string('é', 31), CancellationToken.None));

    [Fact]
    public async Task WritesThatWouldTakeTheFolderOverTheQuotaAreRefused()
    {
        await _store.WriteAsync(Bot, "a.txt", new string('a', 60), CancellationToken.None);

        await Assert.ThrowsAsync<DocumentQuotaException>(
            () => _store.WriteAsync(Bot, "sub/b.txt", new string('b', 41), CancellationToken.None));

        Assert.Equal(["a.txt"], _store.List(Bot).Select(document => document.Path));
    }

    [Fact]
    public async Task FillingTheQuotaExactlyIsAllowed()
    {
        await _store.WriteAsync(Bot, "a.txt", new string('a', 60), CancellationToken.None);
        await _store.WriteAsync(Bot, "b.txt", new string('b', 40), CancellationToken.None);

        Assert.Equal(100, _store.UsedBytes(Bot));
    }

    [Fact]
    public async Task ReplacingADocumentCountsItsOldSizeAsFreed()
    {
        await _store.WriteAsync(Bot, "a.txt", new string('a', 50), CancellationToken.None);
        await _store.WriteAsync(Bot, "b.txt", new string('b', 40), CancellationToken.None);

        await _store.WriteAsync(Bot, "a.txt", new string('c', 60), CancellationToken.None);

        Assert.Equal(new string('c', 60), await _store.ReadAsync(Bot, "a.txt", CancellationToken.None));
        Assert.Equal(100, _store.UsedBytes(Bot));
    }

    [Fact]
    public async Task ARefusedReplacementKeepsTheOldContent()
    {
        await _store.WriteAsync(Bot, "a.txt", "old", CancellationToken.None);

        await Assert.ThrowsAsync<DocumentQuotaException>(
            () => _store.WriteAsync(Bot, "a.txt", new string('x', 61), CancellationToken.None));

        Assert.Equal("old", await _store.ReadAsync(Bot, "a.txt", CancellationToken.None));
    }

    [Fact]
    public async Task ConcurrentWritesCannotTogetherExceedTheQuota()
    {
        var writes = Enumerable.Range(0, 10)
            .Select(i => _store.WriteAsync(Bot, $"f{i}.txt", new string('x', 30), CancellationToken.None))
            .ToList();

        var outcome = await Task.WhenAll(writes.Select(async write =>
        {
            try
            {
                await write;
                return true;
            }
            catch (DocumentQuotaException)
            {
                return false;
            }
        }));

        Assert.Equal(3, outcome.Count(succeeded => succeeded));
        Assert.Equal(90, _store.UsedBytes(Bot));
    }

    [Fact]
    public async Task EachBotHasItsOwnQuota()
    {
        await _store.WriteAsync(Bot, "a.txt", new string('a', 60), CancellationToken.None);
        await _store.WriteAsync(Bot, "b.txt", new string('a', 40), CancellationToken.None);

        await _store.WriteAsync("otherbot", "a.txt", new string('a', 60), CancellationToken.None);

        Assert.Equal(60, _store.UsedBytes("otherbot"));
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }
}
