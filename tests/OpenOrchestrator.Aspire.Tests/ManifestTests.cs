using System.Diagnostics;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using TempDirectory = OpenOrchestrator.Testing.TempDirectory;

namespace OpenOrchestrator.Aspire.Tests;

/// <summary>
/// What a deployment gets: the publish manifest the AppHost writes (`--publisher manifest`, what
/// azd reads) and the app model behind it.
/// </summary>
[Trait("Category", "Aspire")]
public sealed class ManifestTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task TheManifestHoldsTheSiloOnPostgreSqlAndRedisWithItsConnectionsWired()
    {
        var folder = TempDirectory.Create("oo-manifest-");
        try
        {
            var path = Path.Combine(folder, "aspire-manifest.json");
            await PublishAsync(path);
            using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(path));
            var resources = manifest.RootElement.GetProperty("resources");

            // Containers, whatever the machine that published has: a deployment runs them.
            Assert.Equal("container.v0", resources.GetProperty("postgres").GetProperty("type").GetString());
            Assert.StartsWith("docker.io/library/postgres:", resources.GetProperty("postgres").GetProperty("image").GetString());
            Assert.Equal("container.v0", resources.GetProperty("redis").GetProperty("type").GetString());
            Assert.Contains("Database=orchestrator", resources.GetProperty("orchestrator").GetProperty("connectionString").GetString());

            var silo = resources.GetProperty("silo");
            Assert.Equal("project.v0", silo.GetProperty("type").GetString());
            Assert.EndsWith("OpenOrchestrator.Silo/OpenOrchestrator.Silo.csproj", silo.GetProperty("path").GetString());
            var env = silo.GetProperty("env");
            Assert.Equal("{orchestrator.connectionString}", env.GetProperty("ConnectionStrings__orchestrator").GetString());
            Assert.Equal("{redis.connectionString}", env.GetProperty("ConnectionStrings__redis").GetString());
            Assert.Equal("PostgreSQL", env.GetProperty("Database__Provider").GetString());
            Assert.Equal("Redis", env.GetProperty("Orleans__Clustering__ProviderType").GetString());
            Assert.Equal("redis", env.GetProperty("Orleans__Clustering__ServiceKey").GetString());
            Assert.Equal("{silo.bindings.orleans-silo.targetPort}", env.GetProperty("Orleans__Endpoints__SiloPort").GetString());
            Assert.Equal("{silo.bindings.orleans-gateway.targetPort}", env.GetProperty("Orleans__Endpoints__GatewayPort").GetString());
            Assert.True(silo.GetProperty("bindings").GetProperty("http").GetProperty("external").GetBoolean());

            // Secrets are parameters the deployment asks for, never values in the file.
            Assert.True(resources.GetProperty("postgres-password").GetProperty("inputs").GetProperty("value").GetProperty("secret").GetBoolean());
            Assert.DoesNotContain("Password=", resources.GetProperty("postgres").GetProperty("connectionString").GetString()!.Replace("Password={postgres-password.value}", ""));
        }
        finally
        {
            TempDirectory.DeleteQuietly(folder);
        }
    }

    [Fact]
    public async Task TheAppModelRunsTwoSiloReplicasThatWaitForTheirDatabaseAndRedis()
    {
        // The manifest format has no replica count; the model holds it for the publishers that do.
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.OpenOrchestrator_AppHost>(["--Parameters:infrastructure=executables"]);
        var silo = Assert.Single(builder.Resources.OfType<ProjectResource>());

        Assert.Equal("silo", silo.Name);
        Assert.Equal(2, silo.GetReplicaCount());
        var waits = silo.Annotations.OfType<WaitAnnotation>().Select(w => w.Resource.Name).Order();
        Assert.Equal(["postgres", "redis"], waits);
        Assert.True(silo.TryGetAnnotationsOfType<HealthCheckAnnotation>(out var checks) && checks.Any());
    }

    /// <summary>Runs the built AppHost as a user or CI does: `dotnet run -- --publisher manifest --output-path …`.</summary>
    private static async Task PublishAsync(string path)
    {
        var project = Projects.OpenOrchestrator_AppHost.ProjectPath;
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var info = new ProcessStartInfo("dotnet",
            ["run", "--project", project, "-c", configuration, "--no-build", "--no-launch-profile", "--", "--publisher", "manifest", "--output-path", path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(Deadline);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        Assert.True(process.ExitCode == 0, $"The AppHost did not publish (exit {process.ExitCode}): {await output}{await errors}");
        Assert.True(File.Exists(path), $"No manifest at {path}: {await output}");
    }
}
