using Orleans.Utilities;

namespace OpenOrchestrator.Silo.Live;

public sealed class UserLiveGrain(ILogger<UserLiveGrain> logger) : Grain, IUserLiveGrain
{
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(3);

    private readonly ObserverManager<ILiveObserver> _observers = new(Expiry, logger);

    public Task SubscribeAsync(ILiveObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(ILiveObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task PublishAsync(IReadOnlyList<LiveEvent> liveEvents) =>
        _observers.Count == 0 ? Task.CompletedTask : _observers.Notify(observer => observer.OnEventsAsync(liveEvents));
}
