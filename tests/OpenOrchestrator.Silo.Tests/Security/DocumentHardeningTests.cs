using System.Net;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Documents;
using OpenOrchestrator.Silo.Tests.Documents;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Security;

/// <summary>What a bot's code leaves in its folder cannot hang, flood or leak through the documents API (issue 20, finding 1).</summary>
[Collection(ApiCollection.Name)]
[Trait("Category", "Security")]
public sealed class DocumentHardeningTests(ApiFixture fixture)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task APipeMadeByTheCodeToolIsNeitherListedNorServedAndTheAnswerComesAtOnce()
    {
        var (client, bot) = await BotAsync(ToolNames.Code);
        fixture.Model.SetScript(r => r.Round() == 0
            ? ModelReply.ToolCalls(ModelToolCall.Create("code-run", new { command = "mkfifo pipe && echo made" }))
            : ModelReply.Text(r.ToolResults.Single().Content));
        var pipe = Path.Join(FolderOf(bot), "pipe");

        try
        {
            Assert.EndsWith("made", (await client.RunAsync(bot.Id)).Output, StringComparison.Ordinal);
            var listed = await Deadline.Within(Limit, () => client.GetFromJsonAsync<List<DocumentInfo>>($"/api/bots/{bot.Id}/docs"));
            using var served = await Deadline.Within(Limit, () => client.GetAsync($"/api/bots/{bot.Id}/docs/pipe"));

            Assert.Empty(listed!);
            await Problems.AssertAsync(served, HttpStatusCode.BadRequest, "is a named pipe (FIFO), not a document");
        }
        finally
        {
            SpecialFiles.ReleaseReaders(pipe);
        }
    }

    [Theory]
    [InlineData("huge.txt")]
    [InlineData("huge.png")]
    public async Task ASparseGiantIsRefusedWithoutBeingRead(string name)
    {
        var (client, bot) = await BotAsync();
        SpecialFiles.Sparse(Path.Join(FolderOf(bot), name), 1_200_000_000);

        using var response = await Deadline.Within(Limit, () => client.GetAsync($"/api/bots/{bot.Id}/docs/{name}", HttpCompletionOption.ResponseHeadersRead));

        await Problems.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge, "documents are read up to 1048576 bytes");
    }

    [Fact]
    public async Task NeitherASymbolicNorAHardLinkToAFileOutsideIsListedOrServed()
    {
        var (client, bot) = await BotAsync();
        var folder = FolderOf(bot);
        var outside = Path.Join(fixture.App.DataPath, $"outside-{bot.Id}.txt");
        await File.WriteAllTextAsync(outside, "another user's secret");
        File.CreateSymbolicLink(Path.Join(folder, "passwd"), "/etc/passwd");
        SpecialFiles.HardLink(outside, Path.Join(folder, "secret.txt"));

        using var symbolic = await client.GetAsync($"/api/bots/{bot.Id}/docs/passwd");
        using var hard = await client.GetAsync($"/api/bots/{bot.Id}/docs/secret.txt");

        await Problems.AssertAsync(symbolic, HttpStatusCode.BadRequest, "symbolic link");
        await Problems.AssertAsync(hard, HttpStatusCode.BadRequest, "other names (hard links)");
        Assert.DoesNotContain("another user's secret", await hard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await client.GetFromJsonAsync<List<DocumentInfo>>($"/api/bots/{bot.Id}/docs"))!);
    }

    private async Task<(HttpClient Client, BotView Bot)> BotAsync(params string[] tools)
    {
        var client = await fixture.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec(tools: tools));
        return (client, bot);
    }

    private string FolderOf(BotView bot) =>
        Directory.CreateDirectory(fixture.App.Services.GetRequiredService<DocumentStore>().FolderOf(bot.Id)).FullName;
}
