using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Mcp;

/// <summary>
/// The app with the reference MCP server installed (scripts/mcp.sh): serving streamable HTTP on 127.0.0.1, which
/// this app allow-lists, and at hand for stdio in the sandbox.
/// </summary>
public sealed class McpFixture : IAsyncLifetime
{
    public ScriptedModelServer Model { get; private set; } = null!;
    public EverythingServer Http { get; private set; } = null!;
    private OrchestratorApp _root = null!;

    public WebApplicationFactory<Program> App { get; private set; } = null!;

    /// <summary>Every log line at every level: headers must be in none.</summary>
    public RecordingLoggerProvider Logs { get; } = new();

    public async Task InitializeAsync()
    {
        Model = await ScriptedModelServer.StartAsync(_ => ModelReply.Text("Nothing to do."));
        Http = await EverythingServer.StartHttpAsync();
        _root = new OrchestratorApp(OrchestratorApp.SettingsFor(Model,
            ("Tools:Network:AllowedHosts", "127.0.0.1"),
            ("Tools:Mcp:ServersPath", EverythingServer.Folder)));
        App = _root.WithWebHostBuilder(b => b.ConfigureLogging(logging => logging
            .AddProvider(Logs)
            .AddFilter<RecordingLoggerProvider>(null, LogLevel.Trace)));
        App.StartServer();
    }

    public Task<HttpClient> SignUpAsync() => App.SignUpAsync();

    public static McpServerSpec Stdio(string name) => new()
    {
        Name = name,
        Transport = McpTransports.Stdio,
        Command = "node",
        Args = [EverythingServer.EntryInSandbox, "stdio"],
    };

    public static McpServerSpec Streamable(string name, Uri url, Dictionary<string, string>? headers = null) =>
        new() { Name = name, Transport = McpTransports.Http, Url = url.ToString(), Headers = headers };

    public static async Task<McpServerView> RegisterAsync(HttpClient client, McpServerSpec spec)
    {
        var response = await client.PostAsJsonAsync("/api/mcp-servers", spec);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<McpServerView>())!;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await _root.DisposeAsync();
        await Http.DisposeAsync();
        await Model.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class McpCollection : ICollectionFixture<McpFixture>
{
    public const string Name = "mcp";
}
