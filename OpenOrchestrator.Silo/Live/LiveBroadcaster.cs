using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Bots;
using OpenOrchestrator.Silo.Notifications;
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
    NotificationQueries notifications,
    IDbContextFactory<OrchestratorDbContext> dbFactory,
    ILogger<LiveBroadcaster> logger) : BackgroundService, ILiveObserver
{
    /// <summary>Log lines sent within this of the last send wait for it and go together.</summary>
    private static readonly TimeSpan LogBatchWindow = TimeSpan.FromMilliseconds(10);

    private readonly ConcurrentDictionary<string, int> _connections = new();
    private readonly Channel<LiveEvent> _logLines = Channel.CreateUnbounded<LiveEvent>(new UnboundedChannelOptions { SingleReader = true });
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

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(RenewAsync(stoppingToken), SendLogLinesAsync(stoppingToken));

    /// <summary>Renews the subscriptions before they expire; also re-subscribes to a live grain that moved silo.</summary>
    private async Task RenewAsync(CancellationToken stoppingToken)
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

    public async Task OnEventsAsync(IReadOnlyList<LiveEvent> liveEvents)
    {
        foreach (var liveEvent in liveEvents)
        {
            await OnEventAsync(liveEvent);
        }
    }

    private async Task OnEventAsync(LiveEvent liveEvent)
    {
        try
        {
            var user = hub.Clients.Group(LiveEventsHub.UserGroup(liveEvent.OwnerId));
            switch (liveEvent.Kind)
            {
                case LiveHub.RunLog:
                    _logLines.Writer.TryWrite(liveEvent);
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
                case LiveHub.ActivityAdded:
                    await user.SendAsync(LiveHub.ActivityAdded, liveEvent.Activity);
                    break;
                case LiveHub.Notification:
                    if (await notifications.GetAsync(liveEvent.OwnerId, liveEvent.NotificationId!.Value) is { } notification)
                    {
                        await user.SendAsync(LiveHub.Notification, notification);
                    }

                    break;
            }
        }
        catch (Exception exception)
        {
            LogSendFailed(exception, liveEvent.Kind, liveEvent.BotId);
        }
    }

    /// <summary>
    /// Sends log lines to their bot's watchers: a line after a quiet spell at once, lines in a burst
    /// gathered for a moment and sent per bot in one message, which a browser handles far faster.
    /// </summary>
    private async Task SendLogLinesAsync(CancellationToken stoppingToken)
    {
        var lastSend = long.MinValue;
        try
        {
            while (await _logLines.Reader.WaitToReadAsync(stoppingToken))
            {
                if (lastSend != long.MinValue && Stopwatch.GetElapsedTime(lastSend) is var sinceLast && sinceLast < LogBatchWindow)
                {
                    await Task.Delay(LogBatchWindow - sinceLast, stoppingToken);
                }

                var pending = new List<LiveEvent>();
                while (pending.Count < 2000 && _logLines.Reader.TryRead(out var next))
                {
                    pending.Add(next);
                }

                lastSend = Stopwatch.GetTimestamp();
                foreach (var bot in pending.GroupBy(e => e.BotId))
                {
                    var lines = bot.Select(e => new LiveLogLine(e.BotId, e.RunId!, e.Line!)).ToArray();
                    try
                    {
                        await hub.Clients.Group(LiveEventsHub.BotGroup(bot.Key)).SendAsync(LiveHub.RunLog, lines, stoppingToken);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        LogSendFailed(exception, LiveHub.RunLog, bot.Key);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: lines not yet sent are in the run's stored log.
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
