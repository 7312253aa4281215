using Microsoft.AspNetCore.Components;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>The dashboard's recent activity across all the user's bots: time, bot, one line, outcome.</summary>
public sealed partial class ActivityList
{
    [Parameter, EditorRequired] public IReadOnlyList<ActivityView> Items { get; set; } = [];
    [Parameter] public bool Loaded { get; set; }
    [Parameter] public string? Error { get; set; }
    [Parameter] public int Limit { get; set; } = 15;
}
