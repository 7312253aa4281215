using System.Net;
using Microsoft.AspNetCore.Components;
using OpenOrchestrator.Frontend.Resources;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>
/// What the bot as drafted would cost a month, asked of the server when the model or the schedule
/// changes, after a pause in typing (a cron expression changes with every key). Shows nothing when
/// the server cannot estimate it.
/// </summary>
public sealed partial class CostEstimateLine : IDisposable
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(400);

    private CostEstimate? _estimate;
    private string? _model;
    private ScheduleSpec? _schedule;
    private CancellationTokenSource? _pending;

    // A 400 may be about a field that is still empty (a new bot's name): any edit asks again.
    private bool _retryOnAnyChange;

    [Inject] private ApiClient Api { get; set; } = default!;

    [Parameter, EditorRequired] public BotDraft Draft { get; set; } = default!;

    /// <summary>The bot being edited, so its own past runs are the basis; null for a new bot.</summary>
    [Parameter] public string? BotId { get; set; }

    protected override void OnParametersSet()
    {
        var spec = Draft.ToSpec();
        var first = _pending is null;
        if (!first && !_retryOnAnyChange && spec.Model == _model && spec.Schedule == _schedule)
        {
            return;
        }

        (_model, _schedule, _retryOnAnyChange) = (spec.Model, spec.Schedule, false);
        _pending?.Cancel();
        _pending?.Dispose();
        _pending = new CancellationTokenSource();
        _ = RefreshAsync(spec, first ? TimeSpan.Zero : Pause, _pending.Token);
    }

    public void Dispose()
    {
        _pending?.Cancel();
        _pending?.Dispose();
    }

    private async Task RefreshAsync(BotSpec spec, TimeSpan pause, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(pause, cancellationToken);
            var estimate = await Api.EstimateAsync(spec, BotId, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            _estimate = estimate;
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            _estimate = null;
            _retryOnAnyChange = e is ApiException { Problem.Status: HttpStatusCode.BadRequest };
        }

        await InvokeAsync(StateHasChanged);
    }

    private static string? Headline(CostEstimate estimate) => estimate switch
    {
        { MonthlyCost: { } monthly } => Strings.Shared["EstimatePerMonth", Money.Usd(monthly)].Value,
        { CostPerRun: { } perRun } => Strings.Shared["EstimatePerRun", Money.Usd(perRun)].Value,
        _ => null,
    };

    private static string Basis(CostEstimate estimate) => estimate is { MonthlyCost: not null, CostPerRun: { } perRun, RunsPerMonth: { } runs }
        ? Strings.Shared["EstimateBasis", Money.Usd(perRun), Money.Number(runs), estimate.Basis]

        : estimate.Basis;
}
