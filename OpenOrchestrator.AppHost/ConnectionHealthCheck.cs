using Microsoft.Extensions.Diagnostics.HealthChecks;

/// <summary>Runs a probe against a resource's connection string; unhealthy until it connects.</summary>
internal sealed class ConnectionHealthCheck(IResourceWithConnectionString resource, Func<string, CancellationToken, Task> probe)
    : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connectionString = await resource.GetConnectionStringAsync(cancellationToken)
                ?? throw new InvalidOperationException($"{resource.Name} has no connection string yet.");
            await probe(connectionString, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new(context.Registration.FailureStatus, $"{resource.Name} does not answer yet: {e.Message}", e);
        }
    }
}
