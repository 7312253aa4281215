using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using OpenOrchestrator.Contracts;

namespace OpenOrchestrator.EndToEnd.Tests;

/// <summary>A signed-in client's live hub connection to a silo process, waiting for the bell's notifications.</summary>
public sealed class LiveNotifications : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly ConcurrentQueue<NotificationView> _received = new();
    private readonly List<(Func<NotificationView, bool> Match, TaskCompletionSource<NotificationView> Found)> _waiters = [];
    private readonly Lock _gate = new();

    private LiveNotifications(Uri silo, string token)
    {
        _connection = new HubConnectionBuilder().WithUrl(new Uri(silo, $"{LiveHub.Path}?access_token={token}")).Build();
        _connection.On<NotificationView>(LiveHub.Notification, notification =>
        {
            lock (_gate)
            {
                _received.Enqueue(notification);
                foreach (var waiter in _waiters.Where(w => w.Match(notification)).ToList())
                {
                    waiter.Found.TrySetResult(notification);
                    _waiters.Remove(waiter);
                }
            }
        });
    }

    public static async Task<LiveNotifications> ConnectAsync(Uri silo, HttpClient client)
    {
        var live = new LiveNotifications(silo, client.DefaultRequestHeaders.Authorization!.Parameter!);
        await live._connection.StartAsync();
        return live;
    }

    public Task<NotificationView> WaitForAsync(Func<NotificationView, bool> match, TimeSpan deadline)
    {
        var found = new TaskCompletionSource<NotificationView>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_received.FirstOrDefault(match) is { } already)
            {
                return Task.FromResult(already);
            }

            _waiters.Add((match, found));
        }

        return found.Task.WaitAsync(deadline);
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
