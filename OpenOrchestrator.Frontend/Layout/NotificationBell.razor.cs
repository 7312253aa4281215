using Microsoft.AspNetCore.Components;
using OpenOrchestrator.Frontend.Resources;

namespace OpenOrchestrator.Frontend.Layout;

/// <summary>The bell: what runs and approvals told the user, how each Telegram message or e-mail went, and the unread count.</summary>
public sealed partial class NotificationBell : IDisposable
{
    [Inject] private NotificationFeed Feed { get; set; } = default!;

    private HashSet<long> _unreadWhenOpened = [];

    private string Label => Feed.Unread == 0 ? L["Notifications"] : L["NotificationsUnread", Feed.Unread];

    protected override void OnInitialized() => Feed.Changed += OnChanged;

    public void Dispose() => Feed.Changed -= OnChanged;

    private async Task OnOpenChanged(bool open)
    {
        if (open)
        {
            // Keep what was unread highlighted while the menu stays open.
            _unreadWhenOpened = [.. Feed.Items.Where(n => !n.Read).Select(n => n.Id)];
            await Feed.MarkAllReadAsync();
        }
    }

    private static string Title(NotificationView item) => item.Kind switch
    {
        NotificationKinds.Mail => Strings.Shared["MailTo", item.Deliveries.Count > 0 ? item.Deliveries[0].Recipient ?? "" : "", item.Title],
        NotificationKinds.Budget => $"💰 {item.Title}",
        _ => item.Title,
    };

    internal static string Delivery(DeliveryView delivery)
    {
        var channel = Display.ChannelLabel(delivery.Channel);
        return delivery.Status switch
        {
            DeliveryStatuses.Sent => $"{channel} ✓",
            DeliveryStatuses.Failed => Strings.Shared["DeliveryFailed", channel],
            _ when delivery.Attempts > 0 => Strings.Shared["DeliveryRetrying", channel],
            _ => Strings.Shared["DeliverySending", channel],
        };
    }

    private static string Describe(NotificationView item) =>
        string.Join(", ", [Title(item), .. item.Deliveries.Select(d => d.Status == DeliveryStatuses.Failed ? $"{Delivery(d)}: {d.Error}" : Delivery(d))]);

    private void OnChanged() => _ = InvokeAsync(StateHasChanged);
}
