using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Mcp;

/// <summary>A server that accepts the handshake and then never lists its tools is cut at the connect timeout, at registration and in a run.</summary>
[Trait("Category", "Mcp")]
public sealed class McpTimeoutTests(McpTimeoutTests.Fixture fixture) : IClassFixture<McpTimeoutTests.Fixture>
{
    private const int TimeoutSeconds = 2;

    /// <summary>The timeout, plus what a busy machine adds to a request.</summary>
    private static readonly TimeSpan Answered = TimeSpan.FromSeconds(TimeoutSeconds + 10);

    [Fact]
    public async Task ARegistrationIsRefusedWhenTheServerNeverListsItsTools()
    {
        var client = await fixture.App.SignUpAsync();
        fixture.Silent.ListsTools = false;
        var clock = Stopwatch.StartNew();

        var response = await Deadline.Within(Answered * 2, () => client.PostAsJsonAsync("/api/mcp-servers", McpFixture.Streamable("silent", fixture.Silent.Url)));

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, Answered);
        await Problems.AssertAsync(response, HttpStatusCode.BadRequest, $"did not list its tools within {TimeoutSeconds} s");
        Assert.Empty((await client.GetFromJsonAsync<List<McpServerView>>("/api/mcp-servers"))!);
    }

    [Fact]
    public async Task ARunWhoseServerNeverListsItsToolsCompletesAndItsToolsSayWhy()
    {
        var client = await fixture.App.SignUpAsync();
        fixture.Silent.ListsTools = true;
        await McpFixture.RegisterAsync(client, McpFixture.Streamable("silent", fixture.Silent.Url));
        fixture.Silent.ListsTools = false;
        fixture.Model.SetScript(r => r.Round() == 0
            ? ModelReply.ToolCalls(ModelToolCall.Create("silent-echo", new { message = "anyone?" }))
            : ModelReply.Text(r.ToolResults.Single().Content));
        var bot = await client.CreateBotAsync(ApiClient.Spec() with { McpServers = ["silent"], McpTools = ["silent.echo"] });

        var run = await client.RunAsync(bot.Id);

        Assert.True(run.Status == RunStatuses.Completed, run.Error);
        Assert.Equal($"Error: the MCP server 'silent' is unavailable: {fixture.Silent.Url.Authority} did not list its tools within {TimeoutSeconds} s", run.Output);
        Assert.Contains(await client.LogAsync(run.Id), l => l.Kind == LogKinds.Error && l.Message.StartsWith("MCP server 'silent' is unavailable", StringComparison.Ordinal));
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public ScriptedModelServer Model { get; private set; } = null!;
        internal SilentMcpServer Silent { get; private set; } = null!;
        public OrchestratorApp App { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Model = await ScriptedModelServer.StartAsync(_ => ModelReply.Text("Nothing to do."));
            Silent = await SilentMcpServer.StartAsync();
            App = new OrchestratorApp(OrchestratorApp.SettingsFor(Model,
                ("Tools:Network:AllowedHosts", "127.0.0.1"),
                ("Tools:Mcp:ConnectTimeoutSeconds", TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            App.StartServer();
        }

        public async Task DisposeAsync()
        {
            await App.DisposeAsync();
            await Silent.DisposeAsync();
            await Model.DisposeAsync();
        }
    }
}
