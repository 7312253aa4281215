using Blazor.Diagrams.Core.Models;
using Microsoft.AspNetCore.Components;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>An arrow's label: what kind of link it is (after, when done, sends to…).</summary>
public sealed partial class ChainLabelWidget
{
    /// <summary>Set by the diagram's label renderer.</summary>
    [Parameter] public LinkLabelModel Label { get; set; } = default!;
}
