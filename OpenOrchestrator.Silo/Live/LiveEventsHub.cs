using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using OpenOrchestrator.Silo.Api;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Live;

/// <summary>
/// The browser's end of <c>/hubs/live</c>: a connection joins its user's group, and the group of
/// each bot it watches (its own bots only) for log lines.
/// </summary>
[Authorize]
public sealed class LiveEventsHub(LiveBroadcaster broadcaster, BotOwners bots) : Hub
{
    public static string UserGroup(string userId) => $"user:{userId}";

    public static string BotGroup(string botId) => $"bot:{botId}";

    public override async Task OnConnectedAsync()
    {
        var userId = CurrentUser.Of(Context.User!).Id;
        await Groups.AddToGroupAsync(Context.ConnectionId, UserGroup(userId));
        await broadcaster.ConnectedAsync(userId);
    }

    /// <summary>SignalR dispatches a connection's calls only after <see cref="OnConnectedAsync"/> has returned: answering is the proof.</summary>
    public Task Ready() => Task.CompletedTask;

    public override Task OnDisconnectedAsync(Exception? exception) => broadcaster.DisconnectedAsync(CurrentUser.Of(Context.User!).Id);

    public async Task<bool> WatchBot(string botId)
    {
        if (!await bots.OwnsAsync(CurrentUser.Of(Context.User!).Id, botId, Context.ConnectionAborted))
        {
            return false;
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, BotGroup(botId));
        return true;
    }

    public Task UnwatchBot(string botId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, BotGroup(botId));
}
