namespace OpenOrchestrator.Frontend.Services;

/// <summary>The bell's notifications, and the owner's decisions on results that wait for approval.</summary>
public partial class ApiClient
{
    public Task<NotificationsPage> ListNotificationsAsync(int limit = 30, long? before = null, CancellationToken cancellationToken = default) =>
        GetAsync<NotificationsPage>(before is { } cursor ? $"api/notifications?limit={limit}&before={cursor}" : $"api/notifications?limit={limit}", cancellationToken);

    /// <summary>Marks these notifications read, or all of them when <paramref name="ids"/> is null.</summary>
    public Task MarkNotificationsReadAsync(IReadOnlyList<long>? ids = null) => SendAsync(HttpMethod.Post, "api/notifications/read", new NotificationsRead(ids));

    /// <summary>Which ways out (Telegram, e-mail) reach the user, and what to set up for the others.</summary>
    public Task<IReadOnlyList<ChannelStatus>> ListChannelsAsync(CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<ChannelStatus>>("api/notifications/channels", cancellationToken);

    /// <summary>The channels' states, or none when they cannot be read: the forms then save without a warning, as before.</summary>
    public async Task<IReadOnlyList<ChannelStatus>> TryListChannelsAsync()
    {
        try
        {
            return await ListChannelsAsync();
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            return [];
        }
    }

    public Task<ResultView> ApproveAsync(string resultId, ResultApproval? edited = null) =>
        SendAsync<ResultView>(HttpMethod.Post, $"api/results/{Esc(resultId)}/approve", edited);

    public Task<ResultView> RejectAsync(string resultId) => SendAsync<ResultView>(HttpMethod.Post, $"api/results/{Esc(resultId)}/reject", null);
}
