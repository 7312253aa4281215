using System.Net.Http.Json;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Mcp;

/// <summary>A bot calls the reference MCP server's tools over stdio and streamable HTTP, as the model asks.</summary>
[Collection(McpCollection.Name)]
[Trait("Category", "Mcp")]
public sealed class McpRunTests(McpFixture fixture)
{
    [Theory]
    [InlineData(McpTransports.Stdio)]
    [InlineData(McpTransports.Http)]
    public async Task ABotCallsTheEchoToolOfItsServer(string transport)
    {
        var client = await fixture.SignUpAsync();
        await McpFixture.RegisterAsync(client, transport == McpTransports.Stdio ? McpFixture.Stdio("everything") : McpFixture.Streamable("everything", fixture.Http.Url));
        fixture.Model.SetScript(r => r.Round() == 0
            ? ModelReply.ToolCalls(ModelToolCall.Create("everything-echo", new { message = "hello from the bot" }))
            : ModelReply.Text(r.ToolResults.Single().Content));
        var bot = await client.CreateBotAsync(ApiClient.Spec() with { McpServers = ["everything"] });

        var run = await client.RunAsync(bot.Id);

        Assert.True(run.Status == RunStatuses.Completed, run.Error);
        Assert.Equal("Echo: hello from the bot", run.Output);
        var log = await client.LogAsync(run.Id);
        Assert.Contains(log, l => l.Kind == LogKinds.Tool && l.Message.StartsWith("→ everything.echo(message: hello from the bot)", StringComparison.Ordinal));
        Assert.Contains(log, l => l.Kind == LogKinds.Tool && l.Message == "← everything.echo: Echo: hello from the bot");
        Assert.Equal(1, run.Usage.ToolCalls);
    }

    [Fact]
    public async Task McpToolsNarrowWhatTheModelIsOffered()
    {
        var client = await fixture.SignUpAsync();
        await McpFixture.RegisterAsync(client, McpFixture.Stdio("everything"));
        fixture.Model.SetScript(_ => ModelReply.Text("Nothing to do."));
        var all = await client.CreateBotAsync(ApiClient.Spec("All") with { McpServers = ["everything"] });
        var narrow = await client.CreateBotAsync(ApiClient.Spec("Narrow") with { McpServers = ["everything"], McpTools = ["everything.echo"] });

        await client.RunAsync(all.Id);
        var offeredToAll = fixture.Model.Requests[^1].ToolNames;
        await client.RunAsync(narrow.Id);
        var offeredToNarrow = fixture.Model.Requests[^1].ToolNames;

        Assert.Contains("everything-echo", offeredToAll);
        Assert.Contains("everything-get-sum", offeredToAll);
        Assert.Equal(["everything-echo"], offeredToNarrow.Where(t => t.StartsWith("everything-", StringComparison.Ordinal)));
        Assert.Equal(["everything.echo"], (await client.GetFromJsonAsync<BotView>($"/api/bots/{narrow.Id}"))!.McpTools);
    }

    [Fact]
    public async Task AStdioServerSeesNoneOfTheServersEnvironment()
    {
        Environment.SetEnvironmentVariable("OO_MCP_PROBE_SECRET", "must-not-leak");
        var client = await fixture.SignUpAsync();
        await McpFixture.RegisterAsync(client, McpFixture.Stdio("everything"));
        fixture.Model.SetScript(r => r.Round() == 0
            ? ModelReply.ToolCalls(ModelToolCall.Create("everything-get-env", new { }))
            : ModelReply.Text(r.ToolResults.Single().Content));
        var bot = await client.CreateBotAsync(ApiClient.Spec() with { McpServers = ["everything"] });

        var run = await client.RunAsync(bot.Id);

        Assert.True(run.Status == RunStatuses.Completed, run.Error);
        Assert.Contains("\"HOME\": \"/work\"", run.Output);
        Assert.DoesNotContain("must-not-leak", run.Output);
        Assert.DoesNotContain("OPENAI", run.Output);
    }

    [Fact]
    public async Task AServerThatIsDownFailsItsToolsNotTheRun()
    {
        var client = await fixture.SignUpAsync();
        var flaky = await EverythingServer.StartHttpAsync();
        await using (flaky)
        {
            await McpFixture.RegisterAsync(client, McpFixture.Streamable("flaky", flaky.Url));
        }

        fixture.Model.SetScript(r => r.Round() == 0
            ? ModelReply.ToolCalls(ModelToolCall.Create("flaky-echo", new { message = "anyone?" }))
            : ModelReply.Text(r.ToolResults.Single().Content));
        var bot = await client.CreateBotAsync(ApiClient.Spec() with { McpServers = ["flaky"], McpTools = ["flaky.echo"] });

        var run = await client.RunAsync(bot.Id);

        Assert.True(run.Status == RunStatuses.Completed, run.Error);
        Assert.StartsWith("Error: the MCP server 'flaky' is unavailable: could not connect to 127.0.0.1:", run.Output, StringComparison.Ordinal);
        Assert.Contains(await client.LogAsync(run.Id), l => l.Kind == LogKinds.Error && l.Message.StartsWith("MCP server 'flaky' is unavailable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AStdioServerStopsWhenTheRunEnds()
    {
        var client = await fixture.SignUpAsync();
        await McpFixture.RegisterAsync(client, McpFixture.Stdio("everything"));
        var seenDuringRun = -1;
        fixture.Model.SetScript(r =>
        {
            if (r.Round() == 0)
            {
                return ModelReply.ToolCalls(ModelToolCall.Create("everything-echo", new { message = "still there?" }));
            }

            seenDuringRun = StdioServers().Count;
            return ModelReply.Text(r.ToolResults.Single().Content);
        });
        var bot = await client.CreateBotAsync(ApiClient.Spec() with { McpServers = ["everything"] });

        var run = await client.RunAsync(bot.Id);

        Assert.Equal("Echo: still there?", run.Output);
        Assert.True(seenDuringRun > 0, "the server was not found among this process's descendants while the run used it");
        // The run's clients are closed, and their processes waited for, before its end is stored.
        Assert.Empty(StdioServers());
    }

    /// <summary>
    /// The reference server's stdio processes this test process started (its sandbox's pid namespace is visible from
    /// here): servers that other test runs on the machine start at the same time are none of this test's business.
    /// </summary>
    private static List<string> StdioServers() =>
        [.. ChildProcesses.CommandLinesOf(Environment.ProcessId)
            .Where(cmdline => cmdline.Contains(EverythingServer.EntryInSandbox, StringComparison.Ordinal) && cmdline.Contains("stdio", StringComparison.Ordinal))];
}
