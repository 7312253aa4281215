using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Documents;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Security;

/// <summary>What the code tool writes counts in the bot's quota: past it, every further write is refused and the run says so (issue 20, finding 1).</summary>
[Collection(ApiCollection.Name)]
[Trait("Category", "Security")]
public sealed class CodeToolQuotaTests(ApiFixture fixture)
{
    [Theory]
    [InlineData("head -c 41943040 /dev/zero > big.bin", "41943040 of 10485760 bytes")]
    [InlineData("mkdir many && cd many && seq 1 1000 | xargs touch", "1001 of 1000 files and folders")]
    public async Task PastTheQuotaTheCodeToolsRunSaysSoAndFurtherWritesAndRunsAreRefused(string command, string usage)
    {
        var client = await fixture.SignUpAsync();
        fixture.Model.SetScript(r => r.Round() switch
        {
            0 => ModelReply.ToolCalls(ModelToolCall.Create("code-run", new { command })),
            1 => ModelReply.ToolCalls(ModelToolCall.Create("files-write", new { path = "note.md", content = "x" })),
            2 => ModelReply.ToolCalls(ModelToolCall.Create("code-run", new { command = "touch after" })),
            _ => ModelReply.Text("Done."),
        });
        var bot = await client.CreateBotAsync(ApiClient.Spec("Filler", "Fill the folder.", ToolNames.Files, ToolNames.Code));

        var run = await client.RunAsync(bot.Id, "go");
        var results = fixture.Model.Requests[^1].ToolResults.Select(result => result.Content).ToList();
        using var put = await client.PutAsync($"/api/bots/{bot.Id}/docs/other.md", new StringContent("x"));

        Assert.True(run.Status == RunStatuses.Completed, run.Error);
        Assert.Equal(3, results.Count);
        Assert.StartsWith("Exit code 0", results[0], StringComparison.Ordinal);
        Assert.Contains("Document quota used up: ", results[0], StringComparison.Ordinal);
        Assert.All(results.Skip(1), refusal => Assert.StartsWith("Error: Document quota used up: ", refusal, StringComparison.Ordinal));
        Assert.All(results, result => Assert.Contains(usage, result, StringComparison.Ordinal));
        Assert.Contains(await client.LogAsync(run.Id), line => line.Kind == LogKinds.Tool
            && line.Message.StartsWith("← code.run", StringComparison.Ordinal) && line.Message.Contains("quota used up", StringComparison.Ordinal));
        await Problems.AssertAsync(put, HttpStatusCode.RequestEntityTooLarge, "Document quota used up");
        var folder = fixture.App.Services.GetRequiredService<DocumentStore>().FolderOf(bot.Id);
        Assert.False(Path.Exists(Path.Join(folder, "after")));
        Assert.False(Path.Exists(Path.Join(folder, "note.md")));
    }
}
