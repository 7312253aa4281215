using OpenOrchestrator.Silo.Hosting;

namespace OpenOrchestrator.Silo.Storage;

/// <summary>
/// Applies migrations while the host is starting, before any hosted service (the Orleans silo and
/// its reminder service among them) starts and reads its tables.
/// </summary>
public sealed class DatabaseMigrator(IServiceProvider services) : LifecycleStep
{
    public override Task StartingAsync(CancellationToken cancellationToken) => services.MigrateDatabaseAsync(cancellationToken);
}
