using Microsoft.AspNetCore.Components;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>
/// A run's log lines, plain markup only: a live line re-renders this list (one keyed line added),
/// not the panel around it with its buttons and past runs.
/// </summary>
public sealed partial class RunLog
{
    [Parameter, EditorRequired] public IReadOnlyList<RunLogLine> Lines { get; set; } = [];

    [Parameter] public string EmptyText { get; set; } = "";

    /// <summary>The parent added lines to <see cref="Lines"/>: show them.</summary>
    public void Refresh() => StateHasChanged();
}
