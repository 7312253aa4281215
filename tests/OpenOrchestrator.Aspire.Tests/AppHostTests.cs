using System.Text.Json;
using Aspire.Hosting.Testing;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Testing;
using StackExchange.Redis;

namespace OpenOrchestrator.Aspire.Tests;

/// <summary>
/// The AppHost started by Aspire.Hosting.Testing, as a user starts it with `aspire run`: the run
/// goes through the API to the cluster and comes back as one trace, logs and metrics.
/// </summary>
[Trait("Category", "Aspire")]
public sealed class AppHostTests(AppHostFixture topology) : IClassFixture<AppHostFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task BothSilosAreActiveMembersOfOneClusterInRedis()
    {
        var connection = await topology.App.GetConnectionStringAsync("redis");
        await using var redis = await ConnectionMultiplexer.ConnectAsync(connection!);
        var server = redis.GetServer(redis.GetEndPoints().Single());
        var table = Assert.Single(server.Keys(pattern: "openorchestrator/members/*"));

        // Each silo's row is its membership entry as JSON (beside the table's version); Status 3 is Active.
        var members = (await redis.GetDatabase().HashGetAllAsync(table))
            .Select(field => JsonDocument.Parse(field.Value.ToString()).RootElement)
            .Where(entry => entry.ValueKind == JsonValueKind.Object)
            .ToList();

        Assert.Equal(2, members.Count(m => m.GetProperty("Status").GetInt32() == 3));
    }

    [Fact]
    public async Task ARunThroughTheApiIsOneTraceOnTheClusterWithItsLogsAndMetrics()
    {
        using var client = topology.App.CreateHttpClient("silo");
        await client.SignUpAsync($"{Guid.NewGuid():N}@example.com");
        var bot = await client.CreateBotAsync(ApiClient.Spec("Aspire scout", "Report what is new."));

        var run = await client.RunAsync(bot.Id);

        Assert.Equal(RunStatuses.Completed, run.Status);
        var found = await client.ResultsAsync(bot.Id);
        Assert.Single(found);
        var telemetry = topology.Telemetry;
        await telemetry.WaitForAsync(
            t => t.Spans.Any(s => s.Name == "run Aspire scout" && s.Attributes.GetValueOrDefault("openorchestrator.run.id") == run.Id)
                && t.Logs.Any(l => l.Attributes.GetValueOrDefault("openorchestrator.run.id") == run.Id)
                && t.HasMetric("openorchestrator.runs.finished"),
            Deadline,
            $"trace, log and metrics of run {run.Id}");

        // One trace: the API request is its root, the grain call, the run, both model calls, the tool, the result.
        var runSpan = Assert.Single(telemetry.Spans, s => s.Name == "run Aspire scout" && s.Attributes["openorchestrator.run.id"] == run.Id);
        var trace = telemetry.Spans.Where(s => s.TraceId == runSpan.TraceId).ToList();
        var request = Assert.Single(trace, s => s.IsRoot);
        Assert.Equal($"/api/bots/{bot.Id}/runs", request.Attributes["url.path"]);
        Assert.Equal("silo", request.Service);
        // The grain call once as the API's silo made it and once as the bot's silo took it, not twice over.
        var startRun = trace.Where(s => s.Name == "IBotGrain/StartRunAsync").ToList();
        Assert.Equal([SpanKind.Server, SpanKind.Client], startRun.Select(s => s.Kind).Order());
        var modelCalls = trace.Where(s => s.Attributes.GetValueOrDefault("gen_ai.operation.name") == "chat").ToList();
        Assert.Equal(2, modelCalls.Count);
        Assert.All(modelCalls, call =>
        {
            Assert.Equal(runSpan.SpanId, call.ParentSpanId);
            Assert.Equal(AppHostFixture.Model, call.Attributes["gen_ai.request.model"]);
            Assert.Equal("openai", call.Attributes["gen_ai.provider.name"]);
        });
        Assert.Equal(["1200", "800"], modelCalls.Select(c => c.Attributes["gen_ai.usage.input_tokens"]).Order());
        Assert.Contains(trace, s => s.Name == "tool results.report" && s.ParentSpanId == runSpan.SpanId);
        Assert.Contains(trace, s => s.Name == "result store");

        // The run's structured log names its bot; the cost the API shows is the one logged.
        var ended = Assert.Single(telemetry.Logs, l => l.Attributes.GetValueOrDefault("RunId") == run.Id && l.Attributes.GetValueOrDefault("{OriginalFormat}", "").StartsWith("Run {RunId} ended", StringComparison.Ordinal));
        Assert.Equal(bot.Id, ended.Attributes["openorchestrator.bot.id"]);
        Assert.Equal(RunStatuses.Completed, ended.Attributes["Status"]);
    }

    [Fact]
    public async Task OrleansHousekeepingDoesNotStartTracesOfItsOwn()
    {
        // Membership probes, directory and reminder traffic run all the time in a two-silo cluster.
        using var client = topology.App.CreateHttpClient("silo");
        await client.SignUpAsync($"{Guid.NewGuid():N}@example.com");
        await client.CreateBotAsync(ApiClient.Spec("Quiet"));
        await topology.Telemetry.WaitForAsync(t => t.Spans.Any(s => s.Attributes.GetValueOrDefault("url.path") == "/api/bots"), Deadline, "the request's span");

        var roots = topology.Telemetry.Spans.Where(s => s.IsRoot).ToList();
        Assert.DoesNotContain(roots, s => s.Scope.StartsWith("Microsoft.Orleans", StringComparison.Ordinal));
    }
}
