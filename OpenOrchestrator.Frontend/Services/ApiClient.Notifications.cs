namespace OpenOrchestrator.Frontend.Services;

/// <summary>The bell's notifications, and the owner's decisions on results that wait for approval.</summary>
public partial class ApiClient
{
    public Task<NotificationsPage> ListNotificationsAsync(int limit = 30, long? before = null, CancellationToken cancellationToken = default) =>
        GetAsync<NotificationsPage>(before is { } cursor ? $"api/notifications?limit={limit}&before={cursor}" : $"api/notifications?limit={limit}", cancellationToken);

    /// <summary>Marks these notifications read, or all of them when <paramref name="ids"/> is null.</summary>
    public Task MarkNotificationsReadAsync(IReadOnlyList<long>? ids = null) => SendAsync(HttpMethod.Post, "api/notifications/read", new NotificationsRead(ids));

    public Task<ResultView> ApproveAsync(string resultId, ResultApproval? edited = null) =>
        SendAsync<ResultView>(HttpMethod.Post, $"api/results/{Esc(resultId)}/approve", edited);

    public Task<ResultView> RejectAsync(string resultId) => SendAsync<ResultView>(HttpMethod.Post, $"api/results/{Esc(resultId)}/reject", null);
}
