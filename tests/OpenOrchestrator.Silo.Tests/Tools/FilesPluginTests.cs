using Microsoft.SemanticKernel;
using OpenOrchestrator.Silo.Documents;
using OpenOrchestrator.Silo.Tests.Documents;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Silo.Tools;

namespace OpenOrchestrator.Silo.Tests.Tools;

public sealed class FilesPluginTests : IDisposable
{
    private const string Bot = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string Source = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private const string Stranger = "cccccccccccccccccccccccccccccccc";
    private readonly TempFolder _temp = new();
    private readonly DocumentStore _store;

    public FilesPluginTests()
    {
        _store = new DocumentStore(_temp.Path, new DocumentOptions { QuotaBytes = 100, MaxFileBytes = 50 });
        _store.WriteAsync(Source, "report.md", "from source", CancellationToken.None).GetAwaiter().GetResult();
        _store.WriteAsync(Stranger, "report.md", "from stranger", CancellationToken.None).GetAwaiter().GetResult();
    }

    [Fact]
    public async Task ABotWritesListsReadsAndDeletesItsOwnDocuments()
    {
        var files = new FilesPlugin(_store, Bot, readableSourceBotId: null);

        Assert.Equal("No documents yet.", files.List());
        Assert.Equal("Saved notes/a.md.", await files.WriteAsync("notes/a.md", "hello", CancellationToken.None));
        Assert.StartsWith("notes/a.md (5 bytes, updated ", files.List(), StringComparison.Ordinal);
        Assert.Equal("hello", await files.ReadAsync("notes/a.md", cancellationToken: CancellationToken.None));
        Assert.Equal("Deleted notes/a.md.", await files.DeleteAsync("notes/a.md"));
        Assert.Equal("Error: there is no document 'notes/a.md'.", await files.DeleteAsync("notes/a.md"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(Bot)]
    public async Task WithoutAnotherBotNamedReadUsesTheBotsOwnDocuments(string? from)
    {
        await _store.WriteAsync(Bot, "report.md", "own", CancellationToken.None);

        Assert.Equal("own", await new FilesPlugin(_store, Bot, Source).ReadAsync("report.md", from, CancellationToken.None));
    }

    [Fact]
    public async Task ReadFromTheBotThatTriggeredTheRunIsAllowed() =>
        Assert.Equal("from source", await new FilesPlugin(_store, Bot, Source).ReadAsync("report.md", Source, CancellationToken.None));

    [Theory]
    [InlineData(Stranger, Source)]
    [InlineData(Stranger, null)]
    [InlineData(Source, null)]
    [InlineData("../" + Source, Source)]
    [InlineData("BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB", Source)]
    public async Task ReadFromAnyOtherBotIsRefused(string from, string? readableSource)
    {
        var result = await new FilesPlugin(_store, Bot, readableSource).ReadAsync("report.md", from, CancellationToken.None);

        Assert.StartsWith("Error: ", result, StringComparison.Ordinal);
        Assert.DoesNotContain("from source", result, StringComparison.Ordinal);
        Assert.DoesNotContain("from stranger", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteHasNoFromAndAlwaysWritesTheBotsOwnFolder()
    {
        var plugin = KernelPluginFactory.CreateFromObject(new FilesPlugin(_store, Bot, Source), FilesPlugin.PluginName);
        var write = plugin["write"];

        Assert.Equal(["path", "content"], write.Metadata.Parameters.Select(parameter => parameter.Name));
        await write.InvokeAsync(new Kernel(), new KernelArguments { ["path"] = "report.md", ["content"] = "mine", ["from"] = Source });

        Assert.Equal("from source", await _store.ReadAsync(Source, "report.md", CancellationToken.None));
        Assert.Equal("mine", await _store.ReadAsync(Bot, "report.md", CancellationToken.None));
    }

    [Fact]
    public void ThePluginOffersListReadWriteAndDeleteWithFromOptionalOnReadOnly()
    {
        var plugin = KernelPluginFactory.CreateFromObject(new FilesPlugin(_store, Bot, null), FilesPlugin.PluginName);

        Assert.Equal(["delete", "list", "read", "write"], plugin.Select(function => function.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["path", "from"], plugin["read"].Metadata.Parameters.Select(parameter => parameter.Name));
        Assert.False(plugin["read"].Metadata.Parameters[1].IsRequired);
        Assert.Equal(["path"], plugin["delete"].Metadata.Parameters.Select(parameter => parameter.Name));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("/etc/passwd")]
    [InlineData("a\\b")]
    [InlineData("")]
    public async Task BadPathsComeBackAsErrorsForEveryFunction(string path)
    {
        var files = new FilesPlugin(_store, Bot, Source);

        Assert.StartsWith("Error: ", await files.ReadAsync(path, cancellationToken: CancellationToken.None), StringComparison.Ordinal);
        Assert.StartsWith("Error: ", await files.ReadAsync(path, Source, CancellationToken.None), StringComparison.Ordinal);
        Assert.StartsWith("Error: ", await files.WriteAsync(path, "x", CancellationToken.None), StringComparison.Ordinal);
        Assert.StartsWith("Error: ", await files.DeleteAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingDocumentsAndQuotaRefusalsComeBackAsErrors()
    {
        var files = new FilesPlugin(_store, Bot, null);

        Assert.Equal("Error: there is no document 'nope.md'.", await files.ReadAsync("nope.md", cancellationToken: CancellationToken.None));
        Assert.StartsWith("Error: The document is 51 bytes", await files.WriteAsync("big.md", new string('x', 51), CancellationToken.None), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Security")]
    public async Task WhatTheBotsCodeLeftIsReadOnlyAsRegularBoundedFilesAndCountsInTheQuota()
    {
        var files = new FilesPlugin(_store, Bot, null);
        var folder = Directory.CreateDirectory(_store.FolderOf(Bot)).FullName;
        SpecialFiles.Fifo(Path.Join(folder, "pipe"));
        SpecialFiles.Sparse(Path.Join(folder, "huge.bin"), 1_200_000_000);

        try
        {
            var pipe = await Deadline.Within(TimeSpan.FromSeconds(10), () => files.ReadAsync("pipe", cancellationToken: CancellationToken.None));
            var huge = await Deadline.Within(TimeSpan.FromSeconds(10), () => files.ReadAsync("huge.bin", cancellationToken: CancellationToken.None));
            var write = await files.WriteAsync("note.md", "x", CancellationToken.None);

            Assert.Equal("Error: 'pipe' is a named pipe (FIFO), not a document; only regular files are read.", pipe);
            Assert.Equal("Error: 'huge.bin' is 1200000000 bytes; documents are read up to 50 bytes (Documents__MaxFileBytes).", huge);
            Assert.StartsWith("Error: Document quota used up: 1200000000 of 100 bytes", write, StringComparison.Ordinal);
            Assert.StartsWith("huge.bin (1200000000 bytes, updated ", files.List(), StringComparison.Ordinal);
        }
        finally
        {
            SpecialFiles.ReleaseReaders(Path.Join(folder, "pipe"));
        }
    }

    [Fact]
    public async Task CancellationPropagates()
    {
        var files = new FilesPlugin(_store, Bot, null);
        await _store.WriteAsync(Bot, "a.md", "x", CancellationToken.None);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => files.ReadAsync("a.md", cancellationToken: new CancellationToken(true)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => files.WriteAsync("a.md", "y", new CancellationToken(true)));
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }
}
