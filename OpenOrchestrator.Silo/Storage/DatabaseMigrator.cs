namespace OpenOrchestrator.Silo.Storage;

/// <summary>
/// Applies migrations while the host is starting, before any hosted service (the Orleans silo and
/// its reminder service among them) starts and reads its tables.
/// </summary>
public sealed class DatabaseMigrator(IServiceProvider services) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => services.MigrateDatabaseAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
