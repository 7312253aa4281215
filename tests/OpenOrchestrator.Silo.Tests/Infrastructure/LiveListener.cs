using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Infrastructure;

/// <summary>A live hub connection of one signed-in client that records what arrives and lets a test wait for it.</summary>
public sealed class LiveListener : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Arrivals<(string Event, object Payload)> _received = new();

    private LiveListener(HubConnection connection)
    {
        _connection = connection;
        On<BotView>(LiveHub.BotChanged);
        On<string>(LiveHub.BotDeleted);
        On<RunView>(LiveHub.RunStarted);
        On<RunView>(LiveHub.RunFinished);
        _connection.On<LiveLogLine[]>(LiveHub.RunLog, lines => Array.ForEach(lines, line => _received.Add((LiveHub.RunLog, line))));
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
        await connection.InvokeAsync(LiveHub.Ready);
        return listener;
    }

    public IReadOnlyList<(string Event, object Payload)> Received => _received.Items;

    public Task<bool> WatchAsync(string botId) => _connection.InvokeAsync<bool>(LiveHub.WatchBot, botId);

    public Task UnwatchAsync(string botId) => _connection.InvokeAsync(LiveHub.UnwatchBot, botId);

    /// <summary>The first event (already received or still to come) that matches, within the deadline.</summary>
    public async Task<T> WaitForAsync<T>(string eventName, Func<T, bool> match, int seconds = 30)
    {
        try
        {
            var (_, payload) = await _received.WaitForAsync(r => r.Event == eventName && r.Payload is T typed && match(typed), TimeSpan.FromSeconds(seconds));
            return (T)payload;
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"No matching {eventName} within {seconds} s; received: {string.Join(", ", Received.Select(r => r.Event))}", e);
        }
    }

    private void On<T>(string eventName) => _connection.On<T>(eventName, payload => _received.Add((eventName, payload!)));

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
