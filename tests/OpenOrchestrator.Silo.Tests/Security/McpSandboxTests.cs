using Microsoft.Extensions.DependencyInjection;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Documents;
using OpenOrchestrator.Silo.Mcp;
using OpenOrchestrator.Silo.Storage;
using OpenOrchestrator.Silo.Tests.Infrastructure;

namespace OpenOrchestrator.Silo.Tests.Security;

/// <summary>A stdio MCP server starts as a code tool command does: unprivileged, without capabilities, under the same limits (issue 20, finding 2).</summary>
[Collection(ApiCollection.Name)]
[Trait("Category", "Security")]
public sealed class McpSandboxTests(ApiFixture fixture)
{
    [Fact]
    public async Task AStdioServerRunsUnprivilegedAndLimitedAsCommandsDo()
    {
        var services = fixture.App.Services;
        var folder = services.GetRequiredService<DocumentStore>().FolderOf($"mcp-{Guid.NewGuid():N}");
        var server = new McpServerRecord
        {
            Id = "status", OwnerId = "nobody", Name = "status", Transport = McpTransports.Stdio, Command = "sh",
            // Not an MCP server: it leaves what it is in the folder and ends, so connecting fails.
            Args = ["-c", "grep -E '^(Uid|CapEff|NoNewPrivs):' /proc/self/status > status.txt; grep 'Max processes' /proc/self/limits >> status.txt"],
        };

        await Assert.ThrowsAsync<McpConnectException>(() => services.GetRequiredService<McpConnector>().OpenAsync(server, folder, CancellationToken.None));
        var status = Sandboxes.StatusFields(await File.ReadAllTextAsync(Path.Join(folder, "status.txt")));

        Assert.Equal("0000000000000000", status["CapEff"]);
        Assert.Equal("1", status["NoNewPrivs"]);
        Assert.All(status["Uid"].Split('\t'), id => Assert.NotEqual("0", id));
        Assert.Matches(@"^Max processes\s+64\s+64\s", File.ReadAllLines(Path.Join(folder, "status.txt"))[^1]);
        Assert.NotEqual("0", Sandboxes.OwnerOf(Path.Join(folder, "status.txt")));
    }
}
