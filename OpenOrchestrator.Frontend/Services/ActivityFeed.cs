using System.Globalization;

namespace OpenOrchestrator.Frontend.Services;

/// <summary>
/// The user's recent activity, shared by the dashboard's feed and the bell: loaded once from
/// GET /api/activity, then fed by the live <c>notification</c> event. Unread = newer than the
/// moment the user last opened the bell on this device (localStorage).
/// </summary>
public sealed class ActivityFeed(ApiClient api, LiveClient live, LocalStore store) : IDisposable
{
    public const int Keep = 50;
    private const string LastOpenedKey = "oo.bell.lastOpened";

    private readonly List<ActivityView> _items = [];
    private bool _subscribed;
    private Task? _loading;

    public event Action? Changed;

    public IReadOnlyList<ActivityView> Items => _items;

    public DateTimeOffset LastOpened { get; private set; } = DateTimeOffset.MinValue;

    public int Unread => _items.Count(a => a.At > LastOpened);

    public bool Loaded { get; private set; }

    /// <summary>Whose feed this is: the bell's last opening is remembered per user on a shared device.</summary>
    public string? User { get; set; }

    private string StoreKey => $"{LastOpenedKey}:{User}";

    public string? Error { get; private set; }

    public Task EnsureLoadedAsync() => _loading ??= LoadAsync();

    public async Task ReloadAsync()
    {
        _loading = LoadAsync();
        await _loading;
    }

    public async Task MarkOpenedAsync()
    {
        var newest = _items.Count > 0 ? _items.Max(a => a.At) : DateTimeOffset.UtcNow;
        LastOpened = newest > DateTimeOffset.UtcNow ? newest : DateTimeOffset.UtcNow;
        await store.SetAsync(StoreKey, LastOpened.ToString("O", CultureInfo.InvariantCulture));
        Changed?.Invoke();
    }

    /// <summary>Forgets the signed-out user's entries.</summary>
    public void Clear()
    {
        _items.Clear();
        _loading = null;
        Loaded = false;
        Changed?.Invoke();
    }

    /// <summary>Adds one entry (from the live hub), newest first, at most once.</summary>
    public void Add(ActivityView item)
    {
        if (_items.Any(a => a.Id == item.Id))
        {
            return;
        }

        _items.Insert(0, item);
        _items.Sort((a, b) => b.At.CompareTo(a.At));
        if (_items.Count > Keep)
        {
            _items.RemoveRange(Keep, _items.Count - Keep);
        }

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

    private async Task LoadAsync()
    {
        if (!_subscribed)
        {
            _subscribed = true;
            live.Notification += Add;
            live.Reconnected += OnReconnected;
        }

        LastOpened = DateTimeOffset.MinValue;
        if (await store.GetAsync(StoreKey) is { } stored
            && DateTimeOffset.TryParse(stored, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var opened))
        {
            LastOpened = opened;
        }

        try
        {
            var page = await api.ListActivityAsync(Keep);
            _items.Clear();
            _items.AddRange(page.Items);
            Error = null;
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            Error = e.Message;
        }

        Loaded = true;
        Changed?.Invoke();
    }

    private void OnReconnected() => _ = ReloadAsync();
}
