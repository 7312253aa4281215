using System.Diagnostics;

/// <summary>
/// Where PostgreSQL and Redis come from: containers (AddPostgres/AddRedis; what a deployment
/// publishes, and the default where a container engine answers) or Debian's own programs run as
/// executables, for a machine without a container engine. Chosen by Parameters:infrastructure.
/// </summary>
internal enum Infrastructure
{
    Containers,
    Executables,
}

internal static class InfrastructureChoice
{
    public const string Key = "Parameters:infrastructure";

    public static Infrastructure Choose(IDistributedApplicationBuilder builder)
    {
        if (builder.ExecutionContext.IsPublishMode)
        {
            return Infrastructure.Containers;
        }

        var configured = builder.Configuration[Key];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Enum.TryParse<Infrastructure>(configured, ignoreCase: true, out var chosen)
                ? chosen
                : throw new InvalidOperationException(
                    $"Parameters:infrastructure is '{configured}': use 'containers' or 'executables' (Parameters__infrastructure=executables).");
        }

        return ContainerEngineAnswers(builder.Configuration["ASPIRE_CONTAINER_RUNTIME"] ?? "docker")
            ? Infrastructure.Containers
            : Infrastructure.Executables;
    }

    /// <summary>True when the container engine's client reaches a running engine within a few seconds.</summary>
    private static bool ContainerEngineAnswers(string runtime)
    {
        try
        {
            using var info = Process.Start(new ProcessStartInfo(runtime, "info")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (info is null)
            {
                return false;
            }

            _ = info.StandardOutput.ReadToEndAsync();
            _ = info.StandardError.ReadToEndAsync();
            if (!info.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                info.Kill(entireProcessTree: true);
                return false;
            }

            return info.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No such client on the PATH.
            return false;
        }
    }
}
