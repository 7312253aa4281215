using Microsoft.AspNetCore.Components;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>The bot page's four tiles: runs, results, new results, success rate.</summary>
public sealed partial class StatTiles
{
    [Parameter, EditorRequired] public BotStats Stats { get; set; } = default!;

    private string SuccessRate => Stats.SuccessRate is { } rate ? $"{rate * 100:0}%" : "—";
}
