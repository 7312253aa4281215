using Microsoft.AspNetCore.Components;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>The log of the current (or a chosen past) run, streamed live, and the list of past runs.</summary>
public sealed partial class RunsPanel : IDisposable
{
    private List<RunView> _runs = [];
    private readonly List<RunLogLine> _lines = [];

    // Lines of a run this page has not heard of yet: its start and its first lines travel separately.
    private readonly Dictionary<string, List<RunLogLine>> _early = [];
    private RunLog? _log;
    private readonly OncePerFrame _logDraw = new();
    private readonly SnapshotThenDeltas _live = new();
    private string? _selectedId;
    private bool _loading = true;
    private string? _error;

    [Inject] private ApiClient Api { get; set; } = default!;
    [Inject] private LiveClient Live { get; set; } = default!;

    [Parameter, EditorRequired] public string BotId { get; set; } = "";

    /// <summary>Names for the bots that may have triggered a run.</summary>
    [Parameter] public IReadOnlyDictionary<string, string> BotNames { get; set; } = new Dictionary<string, string>();

    private RunView? Selected => _runs.FirstOrDefault(r => r.Id == _selectedId);

    protected override async Task OnInitializedAsync()
    {
        Live.RunStarted += OnRunStarted;
        Live.RunLog += OnRunLog;
        Live.RunFinished += OnRunFinished;
        Live.Reconnected += OnReconnected;
        await LoadAsync();
    }

    public void Dispose()
    {
        Live.RunStarted -= OnRunStarted;
        Live.RunLog -= OnRunLog;
        Live.RunFinished -= OnRunFinished;
        Live.Reconnected -= OnReconnected;
    }

    /// <summary>A run this page started: shown at once, whether or not the live event comes first.</summary>
    public void Started(RunView run)
    {
        _live.Apply(() => Upsert(run));
        if (_selectedId != run.Id)
        {
            _selectedId = run.Id;
            _lines.Clear();
            if (_early.Remove(run.Id, out var early))
            {
                Append(early);
            }
        }

        StateHasChanged();
    }

    private async Task LoadAsync()
    {
        try
        {
            await _live.ReadAsync(() => Api.ListRunsAsync(BotId), read =>
            {
                var shown = _runs.ToDictionary(r => r.Id);
                _runs = [.. read.Select(r => RunProgress.Latest(r, shown.GetValueOrDefault(r.Id)))];
            });
            _selectedId ??= (_runs.FirstOrDefault(r => !RunStatuses.IsFinished(r.Status)) ?? _runs.FirstOrDefault())?.Id;
            _error = null;
            await LoadMissingLinesAsync();
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            _error = e.Message;
        }

        _loading = false;
    }

    private async Task SelectAsync(RunView run)
    {
        _selectedId = run.Id;
        _lines.Clear();
        await LoadMissingLinesAsync();
    }

    /// <summary>The stored lines after the last one shown: the whole log on selection, the gap after a reconnect.</summary>
    private async Task LoadMissingLinesAsync()
    {
        if (_selectedId is not { } runId)
        {
            return;
        }

        var after = _lines.Count > 0 ? _lines[^1].Seq : 0;
        var lines = await Api.GetRunLogAsync(runId, after);
        if (runId == _selectedId)
        {
            Append(lines);
        }
    }

    private void Append(IEnumerable<RunLogLine> lines)
    {
        foreach (var line in lines)
        {
            if (_lines.Count == 0 || line.Seq > _lines[^1].Seq) _lines.Add(line);
            else if (_lines.All(l => l.Seq != line.Seq)) _lines.Insert(_lines.FindIndex(l => l.Seq > line.Seq), line);
        }
    }

    private async Task CancelAsync(RunView run)
    {
        try
        {
            await Api.CancelRunAsync(run.Id);
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            _error = e.Message;
        }
    }

    /// <summary>Shows <paramref name="run"/> unless a view further along is shown already: a run never goes back to running.</summary>
    private void Upsert(RunView run)
    {
        var index = _runs.FindIndex(r => r.Id == run.Id);
        if (index >= 0) _runs[index] = RunProgress.Latest(run, _runs[index]);
        else _runs.Insert(0, run);
    }

    private string TriggerText(RunView run) => run.Trigger switch
    {
        RunTriggers.Manual => L["StartedByHand"],
        RunTriggers.Schedule => L["Scheduled"],
        var trigger when RunTriggers.SourceBotOf(trigger) is { } source => L["ScheduleAfter", BotNames.GetValueOrDefault(source) ?? L["AnotherBot"]],
        var trigger when RunTriggers.IsFromHook(trigger) => L["StartedByHook"],
        var trigger => trigger,
    };

    private string CountsText(RunView run) => run.Counts switch
    {
        { NewResults: 0, SeenResults: 0 } => L["NoResults"],
        { NewResults: 0 } => L["NoNewHits"],
        { NewResults: 1 } => L["OneNewResult"],
        var counts => L["ManyNewResults", counts.NewResults],

    };

    private void OnRunStarted(RunView run) => _ = InvokeAsync(() =>
    {
        if (run.BotId == BotId)
        {
            Started(run);
        }
    });

    private void OnRunLog(IReadOnlyList<LiveLogLine> lines) => _ = InvokeAsync(() =>
    {
        foreach (var line in lines.Where(l => l.BotId == BotId))
        {
            if (line.RunId == _selectedId)
            {
                Append([line.Line]);
                _ = _logDraw.DrawAsync(() => _log?.Refresh());
            }
            else if (_runs.All(r => r.Id != line.RunId))
            {
                if (!_early.TryGetValue(line.RunId, out var early))
                {
                    _early[line.RunId] = early = [];
                }

                early.Add(line.Line);
            }
        }
    });

    private void OnRunFinished(RunView run) => _ = InvokeAsync(async () =>
    {
        if (run.BotId != BotId)
        {
            return;
        }

        _live.Apply(() => Upsert(run));
        StateHasChanged();
        if (run.Id == _selectedId)
        {
            // Lines and the end arrive on separate paths; fetch any line the hub's order left behind.
            await LoadMissingLinesAsync();
            StateHasChanged();
        }
    });

    private void OnReconnected() => _ = InvokeAsync(async () =>
    {
        await LoadAsync();
        StateHasChanged();
    });
}
