namespace OpenOrchestrator.Frontend.Services;

/// <summary>The user's recent activity for the dashboard's feed: loaded from GET /api/activity, then fed by the live <c>activityAdded</c> event.</summary>
public sealed class ActivityFeed(ApiClient api, LiveClient live) : IDisposable
{
    public const int Keep = 50;

    private readonly List<ActivityView> _items = [];
    private bool _subscribed;
    private Task? _loading;

    public event Action? Changed;

    public IReadOnlyList<ActivityView> Items => _items;

    public bool Loaded { get; private set; }

    public string? Error { get; private set; }

    public Task EnsureLoadedAsync() => _loading ??= LoadAsync();

    public async Task ReloadAsync()
    {
        _loading = LoadAsync();
        await _loading;
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
            live.ActivityAdded -= Add;
            live.Reconnected -= OnReconnected;
        }
    }

    private async Task LoadAsync()
    {
        if (!_subscribed)
        {
            _subscribed = true;
            live.ActivityAdded += Add;
            live.Reconnected += OnReconnected;
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
