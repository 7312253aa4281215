using Orleans;

namespace OpenOrchestrator.Contracts;

/// <summary>
/// The live hub (<see cref="Path"/>, SignalR, same origin, the cookie or bearer of the API): the
/// signed-in user's events, never another user's. Log lines arrive only for bots the connection
/// watches (<see cref="WatchBot"/>); everything else arrives for all the user's bots.
/// </summary>
public static class LiveHub
{
    public const string Path = "/hubs/live";

    /// <summary>
    /// Hub method: <c>Ready()</c>, answered once the connection is in its user's group. A started
    /// connection may not be yet (the server joins it after the handshake): a client awaits this
    /// before it reads the state that live events then keep current.
    /// </summary>
    public const string Ready = "Ready";

    /// <summary>Hub method: <c>WatchBot(botId) → bool</c>; false when the user has no such bot.</summary>
    public const string WatchBot = "WatchBot";

    /// <summary>Hub method: <c>UnwatchBot(botId)</c>.</summary>
    public const string UnwatchBot = "UnwatchBot";

    /// <summary>A <see cref="BotView"/>: created, changed, started or finished a run.</summary>
    public const string BotChanged = "botChanged";

    /// <summary>The id of a bot that was deleted.</summary>
    public const string BotDeleted = "botDeleted";

    /// <summary>A <see cref="RunView"/> that began (or was queued: its status says which).</summary>
    public const string RunStarted = "runStarted";

    /// <summary>
    /// <see cref="LiveLogLine"/>s of a watched bot's runs, in order: one at a time while lines are
    /// sparse, a few together in a burst (so a busy log does not flood the page with messages).
    /// </summary>
    public const string RunLog = "runLog";

    /// <summary>A <see cref="RunView"/> that has ended.</summary>
    public const string RunFinished = "runFinished";

    /// <summary>A <see cref="ResultView"/> a run has just reported.</summary>
    public const string ResultAdded = "resultAdded";

    /// <summary>An <see cref="ActivityView"/>: a new line of the activity feed.</summary>
    public const string ActivityAdded = "activityAdded";

    /// <summary>A <see cref="NotificationView"/> for the bell: new, or its deliveries changed (same id).</summary>
    public const string Notification = "notification";
}

/// <summary>One log line of a run, as the live hub sends it.</summary>
[GenerateSerializer, Immutable, Alias("LiveLogLine")]
public sealed record LiveLogLine(string BotId, string RunId, RunLogLine Line);
