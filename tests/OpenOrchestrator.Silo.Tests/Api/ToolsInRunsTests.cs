using System.Net.Http.Json;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Api;

/// <summary>The tools as wired into the product: what a model's tool call really reaches.</summary>
[Collection(ApiCollection.Name)]
public sealed class ToolsInRunsTests(ApiFixture fixture)
{
    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/", "link-local")]
    [InlineData("http://127.0.0.1:1/admin", "loopback")]
    [InlineData("http://localhost:1/", "loopback")]
    [InlineData("http://10.0.0.1/", "private")]
    [InlineData("file:///etc/passwd", "http")]
    public async Task TheBrowserRefusesAddressesThatAreNotPublic(string url, string reason)
    {
        var client = await fixture.SignUpAsync();
        fixture.Model.SetScript(r => r.Round() == 0
            ? ModelReply.ToolCalls(ModelToolCall.Create("browser-fetch", new { url }))
            : ModelReply.Text(r.ToolResults.Single().Content));
        var bot = await client.CreateBotAsync(ApiClient.Spec(tools: ToolNames.Browser));

        var run = await client.RunAsync(bot.Id);

        Assert.Equal(RunStatuses.Completed, run.Status);
        Assert.StartsWith("Error:", run.Output);
        Assert.Contains(reason, run.Output);
    }

    [Fact]
    public async Task WebSearchAsksTheConfiguredSearchServer()
    {
        var client = await fixture.SignUpAsync();
        fixture.Search.Script = r => SearchReply.With(new SearchHit($"News about {r.Parameter("q")}", "https://news.example/1", "Something new."));
        fixture.Model.SetScript(r => r.Round() switch
        {
            0 => ModelReply.ToolCalls(ModelToolCall.Create("web-search", new { query = "orleans 10" })),
            1 => ModelReplyFor.Report("News about orleans 10", "https://news.example/1"),
            _ => ModelReply.Text("Done."),
        });
        var bot = await client.CreateBotAsync(ApiClient.Spec("Research", "What is new about Orleans?", ToolNames.WebSearch));

        var run = await client.RunAsync(bot.Id);

        Assert.Equal(RunStatuses.Completed, run.Status);
        Assert.Contains("orleans 10", fixture.Search.Requests.Select(r => r.Parameter("q")));
        Assert.Contains("News about orleans 10", fixture.Model.Requests[^2].ToolResults.Single().Content);
        Assert.Equal("https://news.example/1", (await client.ResultsAsync(bot.Id)).Single().Url);
    }

    [Fact]
    public async Task TheCodeToolRunsWhatTheBotWroteInItsFolder()
    {
        var client = await fixture.SignUpAsync();
        fixture.Model.SetScript(r => r.Round() switch
        {
            0 => ModelReply.ToolCalls(ModelToolCall.Create("files-write", new { path = "test_add.sh", content = "test $((2 + 2)) -eq 4 && echo '1 passed'" })),
            1 => ModelReply.ToolCalls(ModelToolCall.Create("code-run", new { command = "sh test_add.sh" })),
            _ => ModelReply.Text(r.ToolResults[^1].Content),
        });
        var bot = await client.CreateBotAsync(ApiClient.Spec("Test-Bot", "Run the tests.", ToolNames.Files, ToolNames.Code));

        var run = await client.RunAsync(bot.Id);

        Assert.True(run.Status == RunStatuses.Completed, run.Error);
        Assert.StartsWith("Exit code 0 after", run.Output);
        Assert.EndsWith("\n1 passed", run.Output);
        Assert.Contains(await client.LogAsync(run.Id), l => l.Kind == LogKinds.Tool && l.Message.Contains("code.run", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutTheCodeToolABotCannotRunCommands()
    {
        var client = await fixture.SignUpAsync();
        fixture.Model.SetScript(r => r.Round() == 0
            ? ModelReply.ToolCalls(ModelToolCall.Create("code-run", new { command = "touch pwned" }))
            : ModelReply.Text(r.ToolResults.Single().Content));
        var bot = await client.CreateBotAsync(ApiClient.Spec("Files only", "Try it.", ToolNames.Files));

        var run = await client.RunAsync(bot.Id);

        Assert.StartsWith("Error:", run.Output, StringComparison.Ordinal);
        Assert.Empty(await client.GetFromJsonAsync<List<DocumentInfo>>($"/api/bots/{bot.Id}/docs") ?? []);
    }

    [Fact]
    public async Task WhatTheFilesToolWritesIsTheBotsDocument()
    {
        var client = await fixture.SignUpAsync();
        fixture.Model.SetScript(r => r.Round() switch
        {
            0 => ModelReply.ToolCalls(ModelToolCall.Create("files-write", new { path = "memory/known_offers.json", content = "[\"item/1\"]" })),
            1 => ModelReply.ToolCalls(ModelToolCall.Create("files-write", new { path = "../escape.txt", content = "out" })),
            _ => ModelReply.Text(r.ToolResults[^1].Content),
        });
        var bot = await client.CreateBotAsync(ApiClient.Spec(tools: ToolNames.Files));

        var run = await client.RunAsync(bot.Id);

        Assert.StartsWith("Error:", run.Output);
        Assert.Equal("[\"item/1\"]", await client.GetStringAsync($"/api/bots/{bot.Id}/docs/memory/known_offers.json"));
        Assert.Equal(["memory/known_offers.json"], (await client.GetFromJsonAsync<List<DocumentInfo>>($"/api/bots/{bot.Id}/docs"))!.Select(d => d.Path));
        Assert.False(File.Exists(Path.Combine(fixture.App.DataPath, "bots", "escape.txt")));
    }
}
