using Blazor.Diagrams.Core.Models;
using Microsoft.AspNetCore.Components;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>An arrow of the links graph: its path, its head, its label; dashed when its links are off.</summary>
public sealed partial class ChainLinkWidget
{
    /// <summary>Set by the diagram's link renderer: always a <see cref="ChainLinkModel"/> here.</summary>
    [Parameter] public LinkModel Link { get; set; } = default!;

    private bool Enabled => ((ChainLinkModel)Link).Edge.Enabled;
}
