using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;
using OpenTelemetry.Trace;
using TraceSpan = System.Diagnostics.Activity;

namespace OpenOrchestrator.Silo.Tests.Observability;

/// <summary>A run as the tracer and the meter see it: one trace from the API request down to each model and tool call.</summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    private const string ApiKey = "sk-telemetry-SECRET-5f1c0a";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly SpanCollection _spans = new();
    private ScriptedModelServer _model = null!;
    private OrchestratorApp _root = null!;
    private WebApplicationFactory<Program> _app = null!;
    private MetricRecorder _metrics = null!;

    public async Task InitializeAsync()
    {
        _model = await ScriptedModelServer.StartAsync(r => r.Round() == 0
            ? ModelReplyFor.Report("Orleans 10 released", "https://news.example/orleans-10") with { PromptTokens = 120, CompletionTokens = 30 }
            : ModelReply.Text("Done.") with { PromptTokens = 80, CompletionTokens = 20 });
        _root = new OrchestratorApp(OrchestratorApp.SettingsFor(_model, ("OPENAI_API_KEY", ApiKey), (Microsoft.Extensions.Hosting.Extensions.CollectKey, "true")));
        _app = _root.WithWebHostBuilder(b => b.ConfigureServices(services =>
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans))));
        _app.StartServer();
        _metrics = new MetricRecorder(_app.Services.GetRequiredService<IMeterFactory>(), "OpenOrchestrator");
    }

    [Fact]
    public async Task ARunIsOneTraceFromTheRequestThroughEachModelAndToolCall()
    {
        var client = await _app.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec("Traced", "Report what is new."));

        var run = await client.RunAsync(bot.Id);
        var runSpan = await _spans.WaitForAsync(s => s.DisplayName == "run Traced" && Equals(s.GetTagItem("openorchestrator.run.id"), run.Id), Deadline);

        Assert.Equal(RunStatuses.Completed, run.Status);
        var trace = _spans.InTrace(runSpan.TraceId);
        var request = Assert.Single(trace, s => s.Kind == ActivityKind.Server && Equals(s.GetTagItem("url.path"), $"/api/bots/{bot.Id}/runs"));
        Assert.Equal("POST", request.GetTagItem("http.request.method"));
        Assert.Equal(default, request.ParentSpanId);
        Assert.Contains(trace, s => s.DisplayName == "IBotGrain/StartRunAsync" && s.ParentSpanId == request.SpanId);
        Assert.Contains(request, Ancestors(runSpan, trace));

        var ours = trace.Where(s => s.Source.Name == "OpenOrchestrator").ToList();
        var modelCalls = ours.Where(s => Equals(s.GetTagItem("gen_ai.operation.name"), "chat")).OrderBy(s => s.StartTimeUtc).ToList();
        Assert.Equal(2, modelCalls.Count);
        Assert.All(modelCalls, call => Assert.Equal(runSpan.SpanId, call.ParentSpanId));
        Assert.All(modelCalls, call => Assert.Equal("scripted-model", call.GetTagItem("gen_ai.request.model")));
        Assert.Equal([120, 80], modelCalls.Select(s => s.GetTagItem("gen_ai.usage.input_tokens")));
        Assert.Equal([30, 20], modelCalls.Select(s => s.GetTagItem("gen_ai.usage.output_tokens")));

        var tool = Assert.Single(ours, s => Equals(s.GetTagItem("gen_ai.operation.name"), "execute_tool"));
        Assert.Equal("tool results.report", tool.DisplayName);
        Assert.Equal("results.report", tool.GetTagItem("gen_ai.tool.name"));
        Assert.Equal(runSpan.SpanId, tool.ParentSpanId);
        Assert.True(modelCalls[0].StartTimeUtc + modelCalls[0].Duration <= tool.StartTimeUtc, "the tool is called after the first model call ended");

        var stored = Assert.Single(ours, s => s.DisplayName == "result store");
        Assert.Contains(tool, Ancestors(stored, trace));
        Assert.Equal(true, stored.GetTagItem("openorchestrator.result.new"));

        Assert.Equal(1, _metrics.Sum("openorchestrator.runs.started"));
        Assert.Equal(1, _metrics.Sum("openorchestrator.runs.finished", RunStatuses.Completed));
        Assert.Equal(0, _metrics.Sum("openorchestrator.runs.failed"));
        Assert.Equal(200, _metrics.Sum("openorchestrator.tokens", "input"));
        Assert.Equal(50, _metrics.Sum("openorchestrator.tokens", "output"));
        Assert.Equal(0, _metrics.Sum("openorchestrator.bots.active"));
    }

    [Fact]
    public async Task AHookCallsSpanCarriesItsRouteButNotItsToken()
    {
        var client = await _app.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec("Hooked", "Report what is new."));
        var hook = await client.CreateHookAsync(bot.Id);
        var token = new Uri(hook.Url).Segments[^1];

        var runId = await HookRequests.RunIdAsync(await _app.CreateClient().SendAsync(HookRequests.Call(hook.Url, "traced")));
        var runSpan = await _spans.WaitForAsync(s => s.DisplayName == "run Hooked" && Equals(s.GetTagItem("openorchestrator.run.id"), runId), Deadline);
        var request = await _spans.WaitForAsync(s => s.Kind == ActivityKind.Server && s.TraceId == runSpan.TraceId && s.DisplayName == "POST /hooks/{token}", Deadline);

        Assert.Equal("/hooks/{token}", request.GetTagItem("url.path"));
        Assert.DoesNotContain(_spans.SelectMany(s => s.TagObjects), tag => tag.Value?.ToString()?.Contains(token, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task NoSpanCarriesTheModelKey()
    {
        var client = await _app.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec("Keyed", $"Never repeat {ApiKey}."));

        var run = await client.RunAsync(bot.Id);
        var runSpan = await _spans.WaitForAsync(s => Equals(s.GetTagItem("openorchestrator.run.id"), run.Id) && s.DisplayName == "run Keyed", Deadline);

        var trace = _spans.InTrace(runSpan.TraceId);
        Assert.Contains(trace, s => s.Kind == ActivityKind.Client && s.Source.Name == "System.Net.Http");
        Assert.DoesNotContain(_spans.SelectMany(s => s.TagObjects), tag => tag.Value?.ToString()?.Contains(ApiKey, StringComparison.Ordinal) == true);
    }

    /// <summary>The spans above <paramref name="span"/>, parent first.</summary>
    private static IEnumerable<TraceSpan> Ancestors(TraceSpan span, IReadOnlyList<TraceSpan> trace)
    {
        for (var parent = trace.FirstOrDefault(s => s.SpanId == span.ParentSpanId); parent is not null; parent = trace.FirstOrDefault(s => s.SpanId == parent.ParentSpanId))
        {
            yield return parent;
        }
    }

    public async Task DisposeAsync()
    {
        _metrics.Dispose();
        await _app.DisposeAsync();
        await _root.DisposeAsync();
        await _model.DisposeAsync();
    }
}
