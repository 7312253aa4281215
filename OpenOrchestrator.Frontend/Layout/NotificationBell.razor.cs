using Microsoft.AspNetCore.Components;

namespace OpenOrchestrator.Frontend.Layout;

/// <summary>The bell: unread activity since the user last opened it, and the latest entries.</summary>
public sealed partial class NotificationBell : IDisposable
{
    [Inject] private ActivityFeed Feed { get; set; } = default!;

    private DateTimeOffset _openedBefore = DateTimeOffset.MaxValue;

    private string Label => Feed.Unread == 0 ? "Notifications" : $"Notifications, {Feed.Unread} unread";

    protected override void OnInitialized() => Feed.Changed += OnChanged;

    public void Dispose() => Feed.Changed -= OnChanged;

    private async Task OnOpenChanged(bool open)
    {
        if (open)
        {
            // Keep the entries that were unread highlighted while the menu stays open.
            _openedBefore = Feed.LastOpened;
            await Feed.MarkOpenedAsync();
        }
    }

    private void OnChanged() => _ = InvokeAsync(StateHasChanged);
}
