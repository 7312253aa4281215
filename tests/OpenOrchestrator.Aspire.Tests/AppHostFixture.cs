using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenOrchestrator.Testing;
using TempDirectory = OpenOrchestrator.Testing.TempDirectory;

namespace OpenOrchestrator.Aspire.Tests;

/// <summary>
/// The AppHost as `aspire run` starts it on a machine without a container engine: PostgreSQL and
/// Redis as local executables, two silo replicas in one Orleans cluster. Its model is the scripted
/// OpenAI server; its telemetry goes to <see cref="Telemetry"/>, or to the Aspire dashboard when a
/// subclass turns it on.
/// </summary>
public class AppHostFixture : IAsyncLifetime
{
    public const string Model = "gpt-4o-mini";

    /// <summary>Generous: on two busy cores the first start builds nothing but still starts four processes and migrates.</summary>
    public static readonly TimeSpan StartDeadline = TimeSpan.FromMinutes(5);

    private readonly string _data = TempDirectory.Create("oo-aspire-");

    public DistributedApplication App { get; private set; } = null!;

    public ScriptedModelServer ModelServer { get; private set; } = null!;

    public OtlpReceiver Telemetry { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        ModelServer = await ScriptedModelServer.StartAsync(r => r.Round() == 0
            ? ModelReplyFor.Report($"Found at {Guid.NewGuid():N}") with { PromptTokens = 1200, CompletionTokens = 300 }
            : ModelReply.Text("Done.") with { PromptTokens = 800, CompletionTokens = 200 });
        Telemetry = await OtlpReceiver.StartAsync();

        // PostgreSQL runs as the postgres user when the tests run as root: it must reach its folder in here.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_data, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        using var starting = new CancellationTokenSource(StartDeadline);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.OpenOrchestrator_AppHost>(
            [
                "--Parameters:infrastructure=executables",
                $"--Parameters:data-folder={_data}",
                "--Parameters:openai-api-key=sk-aspire-test",
                $"--Parameters:openai-base-url={ModelServer.BaseUrl}",
                $"--Parameters:default-model={Model}",
            ],
            (options, _) => options.DisableDashboard = !WithDashboard,
            starting.Token);
        var silo = builder.CreateResourceBuilder<ProjectResource>("silo").WithEnvironment("Auth__Registration", "open").WithEnvironment("Auth__SignInAttemptsPerMinute", "100000");
        if (!WithDashboard)
        {
            silo.WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", Telemetry.Endpoint.ToString())
                .WithEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
                .WithEnvironment("OTEL_BSP_SCHEDULE_DELAY", "500")
                .WithEnvironment("OTEL_BLRP_SCHEDULE_DELAY", "500")
                .WithEnvironment("OTEL_METRIC_EXPORT_INTERVAL", "1000");
        }

        App = await builder.BuildAsync(starting.Token);
        await App.StartAsync(starting.Token);
        await WaitForHealthyReplicasAsync(2, starting.Token);
    }

    /// <summary>With the Aspire dashboard, the silos export to it; without, to <see cref="Telemetry"/>.</summary>
    protected virtual bool WithDashboard => false;

    /// <summary>Both silo replicas healthy (each checks its database and Redis), or the reason one is not.</summary>
    private async Task WaitForHealthyReplicasAsync(int replicas, CancellationToken cancellationToken)
    {
        var healthy = new HashSet<string>();
        await foreach (var update in App.ResourceNotifications.WatchAsync(cancellationToken))
        {
            if (update.Resource.Name != "silo")
            {
                continue;
            }

            var state = update.Snapshot.State?.Text;
            if (state == KnownResourceStates.FailedToStart || state == KnownResourceStates.Exited)
            {
                Assert.Fail($"Silo replica {update.ResourceId} {state} (exit code {update.Snapshot.ExitCode}).");
            }

            if (update.Snapshot.HealthStatus == HealthStatus.Healthy && healthy.Add(update.ResourceId) && healthy.Count == replicas)
            {
                return;
            }
        }
    }

    public virtual async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }

        await Telemetry.DisposeAsync();
        await ModelServer.DisposeAsync();
        TempDirectory.DeleteQuietly(_data);
    }
}
