using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Bots;
using OpenOrchestrator.Silo.Results;
using OpenOrchestrator.Silo.Runs;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Live;

/// <summary>
/// This silo's end of the live path (DESIGN D9): subscribed to the live grain of every user with a
/// connection here, it turns their events into hub messages for that user's group, reading the
/// views an event does not carry.
/// </summary>
public sealed partial class LiveBroadcaster(
    IGrainFactory grains,
    IHubContext<LiveEventsHub> hub,
    BotQueries bots,
    RunQueries runs,
    IDbContextFactory<OrchestratorDbContext> dbFactory,
    ILogger<LiveBroadcaster> logger) : BackgroundService, ILiveObserver
{
    private readonly ConcurrentDictionary<string, int> _connections = new();
    private ILiveObserver? _self;

    private ILiveObserver Self => _self ??= grains.CreateObjectReference<ILiveObserver>(this);

    public async Task ConnectedAsync(string userId)
    {
        if (_connections.AddOrUpdate(userId, 1, (_, n) => n + 1) == 1)
        {
            await grains.GetGrain<IUserLiveGrain>(userId).SubscribeAsync(Self);
        }
    }

    public async Task DisconnectedAsync(string userId)
    {
        if (_connections.AddOrUpdate(userId, 0, (_, n) => n - 1) <= 0 && _connections.TryRemove(new(userId, 0)))
        {
            await grains.GetGrain<IUserLiveGrain>(userId).UnsubscribeAsync(Self);
        }
    }

    /// <summary>Renews the subscriptions before they expire; also re-subscribes to a live grain that moved silo.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(UserLiveGrain.Expiry / 3);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var userId in _connections.Keys)
            {
                try
                {
                    await grains.GetGrain<IUserLiveGrain>(userId).SubscribeAsync(Self);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogRenewFailed(e, userId);
                }
            }
        }
    }

    public async Task OnEventAsync(LiveEvent liveEvent)
    {
        try
        {
            var user = hub.Clients.Group(LiveEventsHub.UserGroup(liveEvent.OwnerId));
            switch (liveEvent.Kind)
            {
                case LiveHub.RunLog:
                    var watchers = hub.Clients.Group(LiveEventsHub.BotGroup(liveEvent.BotId));
                    foreach (var line in liveEvent.Lines ?? [])
                    {
                        await watchers.SendAsync(LiveHub.RunLog, new LiveLogLine(liveEvent.BotId, liveEvent.RunId!, line));
                    }

                    break;
                case LiveHub.RunStarted or LiveHub.RunFinished:
                    if (await runs.GetAsync(liveEvent.OwnerId, liveEvent.RunId!) is { } run)
                    {
                        await user.SendAsync(liveEvent.Kind, run);
                    }

                    await SendBotAsync(user, liveEvent);
                    break;
                case LiveHub.BotChanged:
                    await SendBotAsync(user, liveEvent);
                    break;
                case LiveHub.BotDeleted:
                    await user.SendAsync(LiveHub.BotDeleted, liveEvent.BotId);
                    break;
                case LiveHub.ResultAdded:
                    await using (var db = await dbFactory.CreateDbContextAsync())
                    {
                        if (await db.Results.AsNoTracking().SingleOrDefaultAsync(r => r.Id == liveEvent.ResultId && r.BotId == liveEvent.BotId) is { } result)
                        {
                            await user.SendAsync(LiveHub.ResultAdded, ResultsApi.ToView(result));
                        }
                    }

                    break;
                case LiveHub.Notification:
                    await user.SendAsync(LiveHub.Notification, liveEvent.Activity);
                    break;
            }
        }
        catch (Exception exception)
        {
            LogSendFailed(exception, liveEvent.Kind, liveEvent.BotId);
        }
    }

    private async Task SendBotAsync(IClientProxy user, LiveEvent e)
    {
        if (await bots.GetAsync(e.OwnerId, e.BotId) is { } bot)
        {
            await user.SendAsync(LiveHub.BotChanged, bot);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live subscription of user {UserId} not renewed")]
    private partial void LogRenewFailed(Exception exception, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live event {Kind} of bot {BotId} not sent")]
    private partial void LogSendFailed(Exception exception, string kind, string botId);
}
