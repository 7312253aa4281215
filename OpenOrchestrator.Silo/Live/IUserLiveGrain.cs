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
/// What happened, named by a <see cref="LiveHub"/> event, with the view a browser shows (DESIGN, house
/// style 13): the broadcaster forwards it and never reads back. Never changed once made, so a call
/// within the silo passes it without a copy.
/// </summary>
[GenerateSerializer, Immutable, Alias("LiveEvent")]
public sealed record LiveEvent(
    [property: Id(0)] string Kind,
    [property: Id(1)] string OwnerId,
    [property: Id(2)] string BotId)
{
    [Id(3)] public BotView? Bot { get; init; }

    [Id(4)] public RunView? Run { get; init; }

    [Id(5)] public LiveLogLine? Line { get; init; }

    [Id(6)] public ResultView? Result { get; init; }

    [Id(7)] public ActivityView? Activity { get; init; }

    [Id(8)] public NotificationView? Notification { get; init; }

    /// <summary>What the hub sends for this event.</summary>
    public object? Payload => Kind switch
    {
        LiveHub.BotChanged => Bot,
        LiveHub.BotDeleted => BotId,
        LiveHub.RunStarted or LiveHub.RunFinished => Run,
        LiveHub.RunLog => Line,
        LiveHub.ResultAdded => Result,
        LiveHub.ActivityAdded => Activity,
        LiveHub.Notification => Notification,
        _ => null,
    };

    public static LiveEvent Changed(string ownerId, BotView bot) => new(LiveHub.BotChanged, ownerId, bot.Id) { Bot = bot };

    public static LiveEvent Deleted(string ownerId, string botId) => new(LiveHub.BotDeleted, ownerId, botId);

    /// <summary>A run began, or was queued (its status says which).</summary>
    public static LiveEvent Started(string ownerId, RunView run) => new(LiveHub.RunStarted, ownerId, run.BotId) { Run = run };

    public static LiveEvent Finished(string ownerId, RunView run) => new(LiveHub.RunFinished, ownerId, run.BotId) { Run = run };

    public static LiveEvent Logged(string ownerId, string botId, string runId, RunLogLine line) =>
        new(LiveHub.RunLog, ownerId, botId) { Line = new LiveLogLine(botId, runId, line) };

    public static LiveEvent Added(string ownerId, ResultView result) => new(LiveHub.ResultAdded, ownerId, result.BotId) { Result = result };

    public static LiveEvent Added(string ownerId, ActivityView activity) => new(LiveHub.ActivityAdded, ownerId, activity.BotId) { Activity = activity };

    public static LiveEvent Told(string ownerId, NotificationView notification) =>
        new(LiveHub.Notification, ownerId, notification.BotId ?? "") { Notification = notification };
}
