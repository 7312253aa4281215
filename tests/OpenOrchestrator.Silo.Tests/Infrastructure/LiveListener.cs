using Microsoft.AspNetCore.Mvc.Testing;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using OpenOrchestrator.Contracts;

namespace OpenOrchestrator.Silo.Tests.Infrastructure;

/// <summary>A live hub connection of one signed-in client that records what arrives and lets a test wait for it.</summary>
public sealed class LiveListener : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly ConcurrentQueue<(string Event, object Payload)> _received = new();
    private readonly List<(Func<string, object, bool> Match, TaskCompletionSource<object> Seen)> _waits = [];

    private LiveListener(HubConnection connection)
    {
        _connection = connection;
        On<BotView>(LiveHub.BotChanged);
        On<string>(LiveHub.BotDeleted);
        On<RunView>(LiveHub.RunStarted);
        On<RunView>(LiveHub.RunFinished);
        _connection.On<LiveLogLine[]>(LiveHub.RunLog, lines => Array.ForEach(lines, line => Record(LiveHub.RunLog, line)));
        On<ResultView>(LiveHub.ResultAdded);
        On<ActivityView>(LiveHub.ActivityAdded);
        On<NotificationView>(LiveHub.Notification);
    }

    public static async Task<LiveListener> ConnectAsync(WebApplicationFactory<Program> app, HttpClient client)
    {
        var token = client.DefaultRequestHeaders.Authorization!.Parameter;
        var server = app.Server;
        var connection = new HubConnectionBuilder()
            // As a browser does it: a WebSocket carries no header, so the token rides in the query string.
            .WithUrl(new Uri(server.BaseAddress, $"{LiveHub.Path}?access_token={token}"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.WebSocketFactory = async (context, cancellationToken) => await server.CreateWebSocketClient().ConnectAsync(context.Uri, cancellationToken);
            })
            .Build();
        var listener = new LiveListener(connection);
        await connection.StartAsync();
        return listener;
    }

    public IReadOnlyList<(string Event, object Payload)> Received => [.. _received];

    public Task<bool> WatchAsync(string botId) => _connection.InvokeAsync<bool>(LiveHub.WatchBot, botId);

    /// <summary>The first event (already received or still to come) that matches, within the deadline.</summary>
    public async Task<T> WaitForAsync<T>(string eventName, Func<T, bool> match, int seconds = 30)
    {
        var seen = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool Matches(string name, object payload) => name == eventName && payload is T typed && match(typed);
        lock (_waits)
        {
            if (_received.FirstOrDefault(r => Matches(r.Event, r.Payload)) is { Payload: { } found })
            {
                return (T)found;
            }

            _waits.Add((Matches, seen));
        }

        return (T)await seen.Task.WaitAsync(TimeSpan.FromSeconds(seconds));
    }

    private void On<T>(string eventName) => _connection.On<T>(eventName, payload => Record(eventName, payload!));

    private void Record(string eventName, object payload)
    {
        lock (_waits)
        {
            _received.Enqueue((eventName, payload));
            _waits.Where(w => w.Match(eventName, payload)).ToList().ForEach(w => w.Seen.TrySetResult(payload));
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
