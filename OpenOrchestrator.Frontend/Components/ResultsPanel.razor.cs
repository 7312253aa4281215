using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>A bot's results with the seed's filter (All | New, plus Pinned), pin/unpin, and new ones arriving live.</summary>
public sealed partial class ResultsPanel : IDisposable
{
    private (string Value, string Label)[] Filters =>
        [(ResultFilters.All, L["FilterAll"]), (ResultFilters.New, L["FilterNew"]), (ResultFilters.Pinned, L["FilterPinned"]), (ResultFilters.Awaiting, L["FilterAwaiting"])];

    private List<ResultView> _items = [];
    private bool _loading = true;
    private string? _error;
    private readonly OncePerFrame _draw = new();
    private readonly SnapshotThenDeltas _live = new();

    [Inject] private ApiClient Api { get; set; } = default!;
    [Inject] private LiveClient Live { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Parameter, EditorRequired] public string BotId { get; set; } = "";

    public string Filter { get; private set; } = ResultFilters.All;

    private string EmptyText => Filter switch
    {
        ResultFilters.New => L["NoNewResults"],
        ResultFilters.Pinned => L["NothingPinned"],
        ResultFilters.Awaiting => L["NothingAwaits"],
        _ => L["NoResultsYet"],

    };

    protected override async Task OnInitializedAsync()
    {
        Live.ResultAdded += OnResultAdded;
        Live.Reconnected += OnReconnected;
        Live.Notification += OnNotification;
        await LoadAsync();
    }

    public void Dispose()
    {
        Live.ResultAdded -= OnResultAdded;
        Live.Reconnected -= OnReconnected;
        Live.Notification -= OnNotification;
    }

    public async Task LoadAsync()
    {
        try
        {
            var filter = Filter;
            await _live.ReadAsync(() => Api.ListResultsAsync(BotId, filter), read => (_items, _error) = ([.. read], null));
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            _error = e.Message;
        }

        _loading = false;
    }

    private async Task SetFilterAsync(string filter)
    {
        Filter = filter;
        _loading = true;
        await LoadAsync();
    }

    private async Task TogglePinAsync(ResultView result)
    {
        try
        {
            var updated = await Api.PinAsync(result.Id, !result.Pinned);
            var index = _items.FindIndex(r => r.Id == result.Id);
            if (Filter == ResultFilters.Pinned && !updated.Pinned) _items.RemoveAt(index);
            else if (index >= 0) _items[index] = updated;
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            _error = e.Message;
        }
    }

    private async Task DecideAsync((ResultView Result, ResultItem.Decision Decision) choice)
    {
        var (result, decision) = choice;
        ResultApproval? edited = null;
        if (decision == ResultItem.Decision.Edit && (edited = await ApprovalDialog.AskAsync(Dialogs, result)) is null)
        {
            return;
        }

        try
        {
            var updated = decision == ResultItem.Decision.Reject ? await Api.RejectAsync(result.Id) : await Api.ApproveAsync(result.Id, edited);
            var index = _items.FindIndex(r => r.Id == result.Id);
            if (index >= 0 && Filter is ResultFilters.Awaiting or ResultFilters.New) _items.RemoveAt(index);
            else if (index >= 0) _items[index] = updated;
            _error = null;
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            _error = e.Message;
        }
    }

    private async Task MarkSeenAsync()
    {
        try
        {
            await Api.MarkResultsSeenAsync(BotId);
            await LoadAsync();
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            _error = e.Message;
        }
    }

    private void OnResultAdded(ResultView result) => _ = InvokeAsync(() =>
    {
        // A new result belongs under All and New, never under Pinned; under To approve only while it waits.
        var belongs = Filter switch
        {
            ResultFilters.Pinned => false,
            ResultFilters.Awaiting => result.Status == ResultStatuses.AwaitingApproval,
            _ => true,
        };
        if (result.BotId == BotId && belongs)
        {
            _live.Apply(() =>
            {
                if (_items.All(r => r.Id != result.Id))
                {
                    _items.Insert(0, result);
                }
            });
            _ = _draw.DrawAsync(StateHasChanged);
        }
    });

    /// <summary>An approved draft's mail moved on (sent, or failed with a reason): the list reads its drafts again to show it.</summary>
    private void OnNotification(NotificationView notification)
    {
        if (notification.BotId == BotId && notification.Kind == NotificationKinds.Mail && _items.Any(r => r.Status == ResultStatuses.Approved)) OnReconnected();
    }

    private void OnReconnected() => _ = InvokeAsync(async () =>
    {
        await LoadAsync();
        StateHasChanged();
    });
}
