namespace OpenOrchestrator.Silo.Live;

/// <summary>Hands an event to its owner's live grain without waiting: live updates never slow a run.</summary>
public sealed class LivePublisher(IGrainFactory grains)
{
    public void Publish(LiveEvent liveEvent) => grains.GetGrain<IUserLiveGrain>(liveEvent.OwnerId).PublishAsync(liveEvent).Ignore();
}
