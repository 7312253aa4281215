using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every OpenOrchestrator service shares: OpenTelemetry (exported over OTLP when
/// OTEL_EXPORTER_OTLP_ENDPOINT is set), health checks and resilient HTTP clients.
/// </summary>
public static partial class Extensions
{
    public const string HealthPath = "/health";
    public const string AlivePath = "/alive";
    private const string HooksPath = "/hooks";

    /// <summary>Meters of the product and its frameworks; hosts add theirs here too.</summary>
    public static readonly List<string> TelemetryMeters = ["OpenOrchestrator*", "Microsoft.Orleans*", "Microsoft.SemanticKernel*"];

    /// <summary>
    /// Activity sources traced. Of Orleans only the application's grain calls: its runtime source
    /// (timer ticks, membership, directory, management calls) and lifecycle source start a trace of
    /// their own every few seconds on every silo and would bury the runs' traces.
    /// </summary>
    public static readonly List<string> TelemetrySources = ["OpenOrchestrator*", "Microsoft.Orleans.Application", "Microsoft.SemanticKernel*"];

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddHttpClient();
        return builder;
    }

    /// <summary>
    /// Set (Telemetry__Collect=true) to collect traces, metrics and logs without an OTLP endpoint,
    /// for an exporter added in code (the tests' in-memory one).
    /// </summary>
    public const string CollectKey = "Telemetry:Collect";

    /// <summary>
    /// Traces, metrics and logs are collected when something reads them: an OTLP endpoint (the
    /// Aspire dashboard sets one) or <see cref="CollectKey"/>. Otherwise no span is made at all:
    /// on two cores, making the spans of every request, grain call and model call for nobody cost
    /// a fifth of the runs per second.
    /// </summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var export = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var asked = bool.TryParse(builder.Configuration[CollectKey], out var collect) && collect;
        if (!export && !asked)
        {
            return builder;
        }

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter([.. TelemetryMeters]))
            .WithTracing(tracing => tracing
                .SetSampler(new HousekeepingSampler())
                .AddSource([.. TelemetrySources])
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.Filter = ctx => !ctx.Request.Path.StartsWithSegments(HealthPath) && !ctx.Request.Path.StartsWithSegments(AlivePath);
                    o.EnrichWithHttpRequest = RedactHookToken;
                })
                .AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = RedactPathSecrets));

        if (export)
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        return builder;
    }

    /// <summary>/health: every check must pass (ready); /alive: the process answers (live).</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath);
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = r => r.Tags.Contains("live") });
        return app;
    }

    /// <summary>
    /// Telegram's Bot API carries the bot token in the path (<c>/bot123:ABC/sendMessage</c>); a
    /// trace keeps the path, so the token is cut out. Query strings are redacted by OpenTelemetry itself.
    /// </summary>
    private static void RedactPathSecrets(System.Diagnostics.Activity activity, HttpRequestMessage request)
    {
        if (request.RequestUri is { } uri && BotTokenInPath().IsMatch(uri.AbsolutePath))
        {
            var path = BotTokenInPath().Replace(uri.AbsolutePath, "/bot{token}/");
            activity.SetTag("url.full", $"{uri.Scheme}://{uri.Authority}{path}");
            activity.SetTag("url.path", path);
        }
    }

    /// <summary>A web hook's URL carries its token, the caller's credential: its request's span keeps the route instead.</summary>
    private static void RedactHookToken(System.Diagnostics.Activity activity, Microsoft.AspNetCore.Http.HttpRequest request)
    {
        if (request.Path.StartsWithSegments(HooksPath))
        {
            activity.SetTag("url.path", HooksPath + "/{token}");
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"/bot[^/]+/")]
    private static partial System.Text.RegularExpressions.Regex BotTokenInPath();
}
