namespace OpenOrchestrator.Frontend.Services;

/// <summary>
/// The bell's notifications: loaded from GET /api/notifications, then fed by the live
/// <c>notification</c> event (a new one, or one whose Telegram or e-mail delivery moved on).
/// Read and unread are kept by the server, so they agree across devices.
/// </summary>
public sealed class NotificationFeed(ApiClient api, LiveClient live) : IDisposable
{
    public const int Keep = 30;

    private readonly List<NotificationView> _items = [];
    private bool _subscribed;

    public event Action? Changed;

    public IReadOnlyList<NotificationView> Items => _items;

    public int Unread { get; private set; }

    public string? Error { get; private set; }

    public async Task ReloadAsync()
    {
        if (!_subscribed)
        {
            _subscribed = true;
            live.Notification += Add;
            live.Reconnected += OnReconnected;
        }

        try
        {
            var page = await api.ListNotificationsAsync(Keep);
            _items.Clear();
            _items.AddRange(page.Items);
            Unread = page.Unread;
            Error = null;
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            Error = e.Message;
        }

        Changed?.Invoke();
    }

    /// <summary>A notification from the live hub: a new one goes on top, a known one is replaced (its deliveries changed).</summary>
    public void Add(NotificationView notification)
    {
        var index = _items.FindIndex(n => n.Id == notification.Id);
        if (index >= 0)
        {
            _items[index] = notification;
        }
        else
        {
            _items.Insert(0, notification);
            _items.Sort((a, b) => b.Id.CompareTo(a.Id));
            if (_items.Count > Keep)
            {
                _items.RemoveRange(Keep, _items.Count - Keep);
            }

            if (!notification.Read)
            {
                Unread++;
            }
        }

        Changed?.Invoke();
    }

    public async Task MarkAllReadAsync()
    {
        if (Unread == 0)
        {
            return;
        }

        try
        {
            await api.MarkNotificationsReadAsync();
            Unread = 0;
            for (var i = 0; i < _items.Count; i++)
            {
                _items[i] = _items[i] with { Read = true };
            }
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            Error = e.Message;
        }

        Changed?.Invoke();
    }

    /// <summary>Forgets the signed-out user's notifications.</summary>
    public void Clear()
    {
        _items.Clear();
        Unread = 0;
        Changed?.Invoke();
    }

    public void Dispose()
    {
        if (_subscribed)
        {
            live.Notification -= Add;
            live.Reconnected -= OnReconnected;
        }
    }

    private void OnReconnected() => _ = ReloadAsync();
}
