using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace OpenOrchestrator.Frontend.Services;

/// <summary>
/// The one connection to the live hub (DESIGN D9). Pages subscribe to its events once and
/// unsubscribe on dispose; it re-watches their bots after every reconnect and keeps trying
/// for as long as the user is signed in, also when the server was down at first.
/// </summary>
public sealed class LiveClient(NavigationManager navigation) : IAsyncDisposable
{
    private readonly HashSet<string> _watched = [];
    private HubConnection? _connection;
    private CancellationTokenSource? _stopping;

    public event Action<BotView>? BotChanged;
    public event Action<string>? BotDeleted;
    public event Action<RunView>? RunStarted;
    public event Action<IReadOnlyList<LiveLogLine>>? RunLog;
    public event Action<RunView>? RunFinished;
    public event Action<ResultView>? ResultAdded;
    public event Action<ActivityView>? ActivityAdded;
    public event Action<NotificationView>? Notification;

    /// <summary>The connection is up (first start, or back after a break): pages reload what they may have missed meanwhile.</summary>
    public event Action? Reconnected;

    /// <summary>Connected, reconnecting or disconnected: for the status dot in the header.</summary>
    public event Action? StateChanged;

    public HubConnectionState State => _connection?.State ?? HubConnectionState.Disconnected;

    public Task StartAsync()
    {
        if (_connection is not null)
        {
            return Task.CompletedTask;
        }

        _stopping = new CancellationTokenSource();
        _connection = Build();
        _ = KeepStartingAsync(_connection, _stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync()
    {
        if (_connection is null)
        {
            return;
        }

        await _stopping!.CancelAsync();
        await _connection.DisposeAsync();
        _stopping.Dispose();
        _connection = null;
        _watched.Clear();
        StateChanged?.Invoke();
    }

    /// <summary>Asks for the bot's log lines; remembered, so a reconnect asks again.</summary>
    public async Task WatchAsync(string botId)
    {
        _watched.Add(botId);
        await InvokeIfConnectedAsync(c => c.InvokeAsync<bool>(LiveHub.WatchBot, botId));
    }

    public async Task UnwatchAsync(string botId)
    {
        _watched.Remove(botId);
        await InvokeIfConnectedAsync(c => c.InvokeAsync(LiveHub.UnwatchBot, botId));
    }

    /// <summary>A call on a connection that drops meanwhile is dropped too: the reconnect re-watches.</summary>
    private async Task InvokeIfConnectedAsync(Func<HubConnection, Task> call)
    {
        if (_connection is { State: HubConnectionState.Connected } connection)
        {
            try
            {
                await call(connection);
            }
            catch (Exception e) when (e is InvalidOperationException or HubException or TaskCanceledException)
            {
                StateChanged?.Invoke();
            }
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>A bot's change as the hub delivers it (tests deliver their own).</summary>
    internal void Receive(BotView bot) => BotChanged?.Invoke(bot);

    internal void ReceiveDeleted(string botId) => BotDeleted?.Invoke(botId);

    internal void ReceiveNotification(NotificationView notification) => Notification?.Invoke(notification);

    private HubConnection Build()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(navigation.ToAbsoluteUri(LiveHub.Path))
            .WithAutomaticReconnect(new ForeverRetryPolicy())
            .AddJsonProtocol(o => o.PayloadSerializerOptions.TypeInfoResolverChain.Insert(0, LiveJsonContext.Default))
            .Build();
        connection.On<BotView>(LiveHub.BotChanged, Receive);
        connection.On<string>(LiveHub.BotDeleted, ReceiveDeleted);
        connection.On<RunView>(LiveHub.RunStarted, r => RunStarted?.Invoke(r));
        connection.On<LiveLogLine[]>(LiveHub.RunLog, lines => RunLog?.Invoke(lines));
        connection.On<RunView>(LiveHub.RunFinished, r => RunFinished?.Invoke(r));
        connection.On<ResultView>(LiveHub.ResultAdded, r => ResultAdded?.Invoke(r));
        connection.On<ActivityView>(LiveHub.ActivityAdded, a => ActivityAdded?.Invoke(a));
        connection.On<NotificationView>(LiveHub.Notification, n => Notification?.Invoke(n));
        connection.Reconnecting += _ =>
        {
            Changed();
            return Task.CompletedTask;
        };
        connection.Reconnected += async _ =>
        {
            await ResubscribeAsync(connection);
            Changed();
            Reconnected?.Invoke();
        };

        // Automatic reconnect never gives up, but a connection that closes anyway (the server refused it) starts over.
        connection.Closed += error =>
        {
            Changed();
            if (_stopping is { IsCancellationRequested: false } stopping && ReferenceEquals(connection, _connection))
            {
                _ = KeepStartingAsync(connection, stopping.Token, afterBreak: true);
            }

            return Task.CompletedTask;
        };
        return connection;
    }

    /// <summary>Automatic reconnect covers only an established connection; the first start (and a restart after Closed) retries here.</summary>
    private async Task KeepStartingAsync(HubConnection connection, CancellationToken stopping, bool afterBreak = false)
    {
        for (var attempt = 0L; !stopping.IsCancellationRequested; attempt++)
        {
            try
            {
                if (afterBreak || attempt > 0)
                {
                    await Task.Delay(ForeverRetryPolicy.Delay(attempt + 1), stopping);
                }

                await connection.StartAsync(stopping);
                await ResubscribeAsync(connection);
                Changed();

                // Events sent before this moment were missed, also on the very first start: pages read again.
                Reconnected?.Invoke();
                return;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception) when (!stopping.IsCancellationRequested)
            {
                Changed();
            }
        }
    }

    /// <summary>Once the server has the connection in the user's group and the watched bots' groups, events are no longer missed.</summary>
    private async Task ResubscribeAsync(HubConnection connection)
    {
        await connection.InvokeAsync(LiveHub.Ready);
        foreach (var botId in _watched.ToArray())
        {
            await connection.InvokeAsync<bool>(LiveHub.WatchBot, botId);
        }
    }

    private void Changed() => StateChanged?.Invoke();
}
