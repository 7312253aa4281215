using Microsoft.AspNetCore.Components;

namespace OpenOrchestrator.Frontend.Pages;

/// <summary>
/// What the user's runs cost in a period (this month, last month, or chosen days), by day, bot or
/// model: totals, a chart and the same figures as a table. Finished runs refresh the current month.
/// </summary>
public sealed partial class UsagePage : IDisposable
{
    private (string Value, string Label)[] Periods =>
        [(UsagePeriod.ThisMonth, L["PeriodThisMonth"]), (UsagePeriod.LastMonth, L["PeriodLastMonth"]), (UsagePeriod.Custom, L["PeriodCustom"])];

    private (string Value, string Label)[] Groupings =>
        [(UsageGroupings.Day, L["ByDay"]), (UsageGroupings.Bot, L["ByBot"]), (UsageGroupings.Model, L["ByModel"])];

    // A burst of finished runs becomes one reload.
    private static readonly TimeSpan ReloadPause = TimeSpan.FromSeconds(2);

    private UsagePeriod _period = UsagePeriod.Of(UsagePeriod.ThisMonth, UsagePeriod.Today);
    private string _groupBy = UsageGroupings.Day;
    private DateOnly _from;
    private DateOnly _to;
    private string? _rangeError;

    // What the report on screen is about, which lags what the buttons say while the next one loads.
    private UsagePeriod _shownPeriod = default!;
    private string _shownGroupBy = UsageGroupings.Day;
    private UsageReport? _report;
    private string? _error;
    private CancellationTokenSource? _loading;
    private bool _busy;
    private bool _reloadPending;
    private bool _disposed;

    [Inject] private ApiClient Api { get; set; } = default!;
    [Inject] private LiveClient Live { get; set; } = default!;

    private string Caption =>
        L[_shownGroupBy switch { UsageGroupings.Bot => "CostPerBot", UsageGroupings.Model => "CostPerModel", _ => "CostPerDay" }, _shownPeriod.From, _shownPeriod.To];


    protected override async Task OnInitializedAsync()
    {
        (_from, _to) = (_period.From, _period.To);
        Live.RunFinished += OnRunFinished;
        await LoadAsync();
    }

    public void Dispose()
    {
        _disposed = true;
        Live.RunFinished -= OnRunFinished;
        _loading?.Cancel();
        _loading?.Dispose();
    }

    private async Task LoadAsync()
    {
        _loading?.Cancel();
        _loading?.Dispose();
        var loading = _loading = new CancellationTokenSource();
        var (period, groupBy) = (_period, _groupBy);
        _busy = true;
        try
        {
            var report = period.IsServerDefault
                ? await Api.GetUsageAsync(groupBy, cancellationToken: loading.Token)
                : await Api.GetUsageAsync(groupBy, period.From, period.To, loading.Token);
            (_report, _shownPeriod, _shownGroupBy, _error) = (report, period, groupBy, null);
        }
        catch (OperationCanceledException) when (loading.IsCancellationRequested)
        {
            // A newer choice is loading.
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            _error = e.Message;
        }
        finally
        {
            // Unless a newer choice is loading meanwhile.
            if (_loading == loading) _busy = false;
        }
    }

    private Task SetGroupingAsync(string groupBy)
    {
        _groupBy = groupBy;
        return LoadAsync();
    }

    private Task SetPeriodAsync(string kind)
    {
        if (kind == UsagePeriod.Custom)
        {
            // The range starts as the period on screen; the user narrows or widens it from there.
            _period = new UsagePeriod(UsagePeriod.Custom, _period.From, _period.To);
            (_from, _to) = (_period.From, _period.To);
            _rangeError = null;
            return Task.CompletedTask;
        }

        _period = UsagePeriod.Of(kind, UsagePeriod.Today);
        return LoadAsync();
    }

    private Task CustomRangeChangedAsync()
    {
        _rangeError = UsagePeriod.Check(_from, _to);
        if (_rangeError is not null)
        {
            return Task.CompletedTask;
        }

        _period = new UsagePeriod(UsagePeriod.Custom, _from, _to);
        return LoadAsync();
    }

    private void OnRunFinished(RunView run)
    {
        if (_reloadPending || _period.To < UsagePeriod.Today)
        {
            return;
        }

        _reloadPending = true;
        _ = InvokeAsync(async () =>
        {
            await Task.Delay(ReloadPause);
            _reloadPending = false;
            if (_disposed)
            {
                return;
            }

            await LoadAsync();
            StateHasChanged();
        });
    }
}
