using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Api;

/// <summary>A keyed search provider as the product wires it: what a model's search reaches, and where its key never shows.</summary>
public sealed class SearchProvidersInRunsTests : IAsyncLifetime
{
    private const string Key = "tvly-run-key-7d1e90aa";

    private ScriptedModelServer _model = null!;
    private TavilySearchServer _tavily = null!;

    public async Task InitializeAsync()
    {
        _model = await ScriptedModelServer.StartAsync(_ => ModelReply.Text("Nothing to do."));
        _tavily = await TavilySearchServer.StartAsync(Key, _ => SearchReply.With(new SearchHit("News about Orleans 10", "https://news.example/1", "Something new.")));
    }

    public async Task DisposeAsync()
    {
        await _tavily.DisposeAsync();
        await _model.DisposeAsync();
    }

    [Fact]
    public async Task WebSearchThroughTavilyReachesTheModelWhileTheKeyStaysInTheServer()
    {
        var logs = new RecordingLoggerProvider();
        await using var root = new OrchestratorApp(OrchestratorApp.SettingsFor(_model,
            ("WebSearch:Provider", "tavily"),
            ("WebSearch:Endpoint", _tavily.Endpoint.AbsoluteUri),
            ("WebSearch:ApiKey", Key)));
        await using var app = root.WithWebHostBuilder(b => b.ConfigureLogging(logging => logging
            .AddProvider(logs)
            .AddFilter<RecordingLoggerProvider>(null, LogLevel.Trace)));
        var client = await app.SignUpAsync();
        _model.SetScript(r => r.Round() == 0
            ? ModelReply.ToolCalls(ModelToolCall.Create("web-search", new { query = "orleans 10", count = 3 }))
            : ModelReply.Text(r.ToolResults.Single().Content));
        var bot = await client.CreateBotAsync(ApiClient.Spec("Research", "What is new about Orleans?", ToolNames.WebSearch));

        var run = await client.RunAsync(bot.Id);

        Assert.True(run.Status == RunStatuses.Completed, run.Error);
        Assert.Equal("1. News about Orleans 10 — https://news.example/1\n   Something new.", run.Output);
        var request = Assert.Single(_tavily.Requests);
        Assert.Equal($"Bearer {Key}", request.Header("Authorization"));
        Assert.Contains("\"orleans 10\"", request.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(await client.LogAsync(run.Id), line => line.Message.Contains(Key, StringComparison.Ordinal));
        Assert.DoesNotContain(_model.Requests, r => r.Raw.GetRawText().Contains(Key, StringComparison.Ordinal));
        Assert.Contains(logs.Lines, line => line.Contains(_tavily.Endpoint.AbsoluteUri, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(Key, StringComparison.Ordinal));
    }
}
