using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using OpenOrchestrator.Contracts;

namespace OpenOrchestrator.Silo.Live;

/// <summary>
/// This silo's end of the live path (DESIGN D9): subscribed to the live grain of every user with a
/// connection here, it sends their events on to that user's group in the order they came, with the
/// views they carry. Log lines go only to the bot's watchers; a burst of them goes as one message
/// per bot, never past an event that followed them (a run's end arrives after its last line).
/// </summary>
public sealed partial class LiveBroadcaster(
    IGrainFactory grains,
    IHubContext<LiveEventsHub> hub,
    ILogger<LiveBroadcaster> logger) : BackgroundService, ILiveObserver
{
    /// <summary>Events that arrive within this of the last send wait for it and go together.</summary>
    private static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(10);

    private readonly ConcurrentDictionary<string, int> _connections = new();
    private readonly Channel<LiveEvent> _events = Channel.CreateUnbounded<LiveEvent>(new UnboundedChannelOptions { SingleReader = true });
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

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(RenewAsync(stoppingToken), SendAsync(stoppingToken));
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

    /// <summary>Queued, not sent here: the order they came in is the order they go out.</summary>
    public Task OnEventsAsync(IReadOnlyList<LiveEvent> liveEvents)
    {
        foreach (var liveEvent in liveEvents)
        {
            _events.Writer.TryWrite(liveEvent);
        }

        return Task.CompletedTask;
    }

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        var lastSend = long.MinValue;
        var pending = new List<LiveEvent>();
        try
        {
            while (await _events.Reader.WaitToReadAsync(stoppingToken))
            {
                if (lastSend != long.MinValue && Stopwatch.GetElapsedTime(lastSend) is var sinceLast && sinceLast < BatchWindow)
                {
                    await Task.Delay(BatchWindow - sinceLast, stoppingToken);
                }

                while (pending.Count < 2000 && _events.Reader.TryRead(out var next))
                {
                    pending.Add(next);
                }

                lastSend = Stopwatch.GetTimestamp();
                await SendInOrderAsync(pending, stoppingToken);
                pending.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is not sent yet is stored; pages read it when they reconnect.
        }
    }

    /// <summary>Sends each event in turn; consecutive log lines go together, per bot.</summary>
    private async Task SendInOrderAsync(List<LiveEvent> events, CancellationToken stoppingToken)
    {
        var lines = new List<LiveEvent>();
        foreach (var liveEvent in events)
        {
            if (liveEvent.Kind == LiveHub.RunLog)
            {
                lines.Add(liveEvent);
                continue;
            }

            await SendLinesAsync(lines, stoppingToken);
            lines.Clear();
            await SendOneAsync(liveEvent, stoppingToken);
        }

        await SendLinesAsync(lines, stoppingToken);
    }

    private async Task SendLinesAsync(List<LiveEvent> lines, CancellationToken stoppingToken)
    {
        foreach (var bot in lines.GroupBy(e => e.BotId))
        {
            try
            {
                await hub.Clients.Group(LiveEventsHub.BotGroup(bot.Key)).SendAsync(LiveHub.RunLog, bot.Select(e => e.Line!).ToArray(), stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogSendFailed(exception, LiveHub.RunLog, bot.Key);
            }
        }
    }

    private async Task SendOneAsync(LiveEvent liveEvent, CancellationToken stoppingToken)
    {
        if (liveEvent.Payload is not { } payload)
        {
            return;
        }

        try
        {
            await hub.Clients.Group(LiveEventsHub.UserGroup(liveEvent.OwnerId)).SendAsync(liveEvent.Kind, payload, stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogSendFailed(exception, liveEvent.Kind, liveEvent.BotId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live subscription of user {UserId} not renewed")]
    private partial void LogRenewFailed(Exception exception, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live event {Kind} of bot {BotId} not sent")]
    private partial void LogSendFailed(Exception exception, string kind, string botId);
}
