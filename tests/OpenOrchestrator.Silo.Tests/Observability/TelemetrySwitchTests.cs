using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OpenOrchestrator.Silo.Tests.Observability;

/// <summary>Spans and measurements are made only when something reads them.</summary>
public sealed class TelemetrySwitchTests
{
    [Theory]
    [InlineData(null, null, false)]
    [InlineData("http://127.0.0.1:4317", null, true)]
    [InlineData(null, "true", true)]
    [InlineData(null, "false", false)]
    public void TracesAndMetricsAreCollectedForAnExporterOnly(string? endpoint, string? collect, bool collected)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint;
        builder.Configuration[Microsoft.Extensions.Hosting.Extensions.CollectKey] = collect;
        builder.AddServiceDefaults();
        using var host = builder.Build();

        Assert.Equal(collected, host.Services.GetService<TracerProvider>() is not null);
        Assert.Equal(collected, host.Services.GetService<MeterProvider>() is not null);
    }
}
