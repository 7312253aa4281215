using Microsoft.AspNetCore.SignalR.Client;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.EndToEnd.Tests;

/// <summary>A signed-in client's live hub connection to a silo process, waiting for the bell's notifications.</summary>
public sealed class LiveNotifications : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Arrivals<NotificationView> _received = new();

    private LiveNotifications(Uri silo, string token)
    {
        _connection = new HubConnectionBuilder().WithUrl(new Uri(silo, $"{LiveHub.Path}?access_token={token}")).Build();
        _connection.On<NotificationView>(LiveHub.Notification, _received.Add);
    }

    public static async Task<LiveNotifications> ConnectAsync(Uri silo, HttpClient client)
    {
        var live = new LiveNotifications(silo, client.DefaultRequestHeaders.Authorization!.Parameter!);
        await live._connection.StartAsync();
        await live._connection.InvokeAsync(LiveHub.Ready);
        return live;
    }

    public Task<NotificationView> WaitForAsync(Func<NotificationView, bool> match, TimeSpan deadline) => _received.WaitForAsync(match, deadline);

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
