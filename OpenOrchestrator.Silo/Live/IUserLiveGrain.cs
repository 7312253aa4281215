using OpenOrchestrator.Contracts;
using Orleans.Concurrency;

namespace OpenOrchestrator.Silo.Live;

/// <summary>
/// One user's live events (key = user id): grains and services publish, and each silo holding a
/// browser connection of that user is subscribed, so an event reaches it wherever it arose.
/// </summary>
public interface IUserLiveGrain : IGrainWithStringKey
{
    /// <summary>Subscribes a silo's broadcaster; renewed before <see cref="UserLiveGrain.Expiry"/> passes.</summary>
    Task SubscribeAsync(ILiveObserver observer);

    Task UnsubscribeAsync(ILiveObserver observer);

    /// <summary>Events of this user, in the order they happened.</summary>
    [OneWay]
    Task PublishAsync(IReadOnlyList<LiveEvent> liveEvents);
}

public interface ILiveObserver : IGrainObserver
{
    [OneWay]
    Task OnEventsAsync(IReadOnlyList<LiveEvent> liveEvents);
}

/// <summary>
/// What happened, named by a <see cref="LiveHub"/> event; views the publisher has at hand travel
/// with it, the rest is read by the silo that sends it on (only when its user is connected). Never
/// changed once made, so a call within the silo passes it without a copy.
/// </summary>
[GenerateSerializer, Immutable, Alias("LiveEvent")]
public sealed record LiveEvent(
    [property: Id(0)] string Kind,
    [property: Id(1)] string OwnerId,
    [property: Id(2)] string BotId,
    [property: Id(3)] string? RunId = null,
    [property: Id(4)] string? ResultId = null,
    [property: Id(5)] RunLogLine? Line = null,
    [property: Id(6)] ActivityView? Activity = null,
    [property: Id(7)] long? NotificationId = null);
