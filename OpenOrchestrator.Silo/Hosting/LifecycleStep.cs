namespace OpenOrchestrator.Silo.Hosting;

/// <summary>
/// A hosted service that acts at one moment of the host's life: <see cref="StartingAsync"/> runs
/// before any hosted service (the silo too) starts, <see cref="StartedAsync"/> once all have.
/// </summary>
public abstract class LifecycleStep : IHostedLifecycleService
{
    public virtual Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public virtual Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
