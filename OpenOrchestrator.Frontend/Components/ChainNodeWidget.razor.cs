using Blazor.Diagrams.Core.Models;
using Microsoft.AspNetCore.Components;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>A box of the links graph: a bot (leading to its page) or a channel results are sent to.</summary>
public sealed partial class ChainNodeWidget
{
    private static readonly string Box = FormattableString.Invariant($"width: {ChainLayout.NodeWidth}px; height: {ChainLayout.NodeHeight}px");

    /// <summary>Set by the diagram's node renderer: always a <see cref="ChainNodeModel"/> here.</summary>
    [Parameter] public NodeModel Node { get; set; } = default!;

    private ChainNode Chain => ((ChainNodeModel)Node).Chain;
}
