using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OpenOrchestrator.Aspire.Tests;

/// <summary>
/// An OTLP/HTTP receiver on 127.0.0.1 (what the Aspire dashboard is to the silos): it answers
/// /v1/traces, /v1/logs and /v1/metrics as OTLP says and keeps what arrived for the test to read.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ExportedSpan> _spans = new();
    private readonly ConcurrentQueue<ExportedLog> _logs = new();
    private readonly ConcurrentDictionary<string, byte> _metrics = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private OtlpReceiver(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyCollection<ExportedSpan> Spans => _spans;

    public IReadOnlyCollection<ExportedLog> Logs => _logs;

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new OtlpReceiver(builder.Build());
        receiver._app.MapPost("/v1/traces", (HttpRequest request) => receiver.ReceiveAsync(request, body => Add(receiver._spans, OtlpData.Spans(body))));
        receiver._app.MapPost("/v1/logs", (HttpRequest request) => receiver.ReceiveAsync(request, body => Add(receiver._logs, OtlpData.Logs(body))));
        receiver._app.MapPost("/v1/metrics", (HttpRequest request) => receiver.ReceiveAsync(request, body =>
        {
            foreach (var name in OtlpData.MetricNames(body))
            {
                receiver._metrics.TryAdd(name, 0);
            }
        }));
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Endpoint = new Uri(address);
        return receiver;
    }

    public bool HasMetric(string name) => _metrics.ContainsKey(name);

    /// <summary>Waits until <paramref name="seen"/> holds for what arrived, or fails at the deadline saying what did arrive.</summary>
    public async Task WaitForAsync(Func<OtlpReceiver, bool> seen, TimeSpan deadline, string what)
    {
        using var timeout = new CancellationTokenSource(deadline);
        while (!seen(this))
        {
            try
            {
                await _arrived.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"No {what} within {deadline}: {_spans.Count} span(s), {_logs.Count} log record(s) and {_metrics.Count} metric(s) arrived.");
            }
        }
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request, Action<byte[]> read)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        read(body.ToArray());
        _arrived.Release();

        // An empty Export*ServiceResponse: everything was accepted.
        return Results.Bytes([], "application/x-protobuf");
    }

    private static void Add<T>(ConcurrentQueue<T> queue, IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            queue.Enqueue(item);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrived.Dispose();
    }
}
