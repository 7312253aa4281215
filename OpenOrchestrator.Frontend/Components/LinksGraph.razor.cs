using Blazor.Diagrams;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Microsoft.AspNetCore.Components;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>
/// The links as a picture: bots and channels as boxes, every link an arrow named by its kind, laid out
/// by <see cref="ChainLayout"/> and drawn by Z.Blazor.Diagrams. Read-only: no dragging, panning, zooming
/// or deleting (those behaviours are never registered); a bot's box leads to its page.
/// </summary>
public sealed partial class LinksGraph
{
    private BlazorDiagram _diagram = Draw(new([], []), ChainLayout.Of(new([], [])));
    private string _size = "";
    private string? _drawn;

    [Parameter, EditorRequired] public ChainGraph Graph { get; set; } = new([], []);

    protected override void OnParametersSet()
    {
        // Drawn again only when what it shows changed: the dashboard re-renders at every run's start and end.
        var signature = string.Join("|", Graph.Nodes.Select(n => $"{n.Key}:{n.Emoji}:{n.Name}").Concat(Graph.Edges.Select(e => $"{e.From}>{e.To}:{e.Label}:{e.Enabled}")));
        if (signature == _drawn)
        {
            return;
        }

        _drawn = signature;
        var plan = ChainLayout.Of(Graph);
        _size = FormattableString.Invariant($"width: {plan.Width}px; height: {plan.Height}px");
        _diagram = Draw(Graph, plan);
    }

    private static BlazorDiagram Draw(ChainGraph graph, ChainPlan plan)
    {
        var diagram = new BlazorDiagram(registerDefaultBehaviors: false);
        diagram.RegisterComponent<ChainNodeModel, ChainNodeWidget>();
        diagram.RegisterComponent<ChainLinkModel, ChainLinkWidget>();
        diagram.RegisterComponent<LinkLabelModel, ChainLabelWidget>();
        var nodes = graph.Nodes.ToDictionary(n => n.Key, n => diagram.Nodes.Add(new ChainNodeModel(n, plan.Places[n.Key])));
        foreach (var edge in graph.Edges)
        {
            var link = new ChainLinkModel(edge, nodes[edge.From], nodes[edge.To]);
            foreach (var point in plan.Waypoints.GetValueOrDefault(edge) ?? [])
            {
                link.Vertices.Add(new LinkVertexModel(link, new Point(point.X, point.Y)));
            }

            diagram.Links.Add(link);
            link.Labels.Add(new LinkLabelModel(link, edge.Label));
        }

        return diagram;
    }
}

/// <summary>A bot or channel box; its size is the layout's, so the library measures nothing in the page.</summary>
/// <remarks>Internal, as <see cref="ChainLinkModel"/>: the router reads the app's public types at start, before the library they derive from is loaded.</remarks>
internal sealed class ChainNodeModel : NodeModel
{
    public ChainNodeModel(ChainNode node, NodePlace place) : base(node.Key, new Point(place.X, place.Y))
    {
        Chain = node;
        Size = new Size(ChainLayout.NodeWidth, ChainLayout.NodeHeight);
        ControlledSize = true;
        Locked = true;
    }

    public ChainNode Chain { get; }
}

/// <summary>One arrow of the graph, with the edge it draws.</summary>
internal sealed class ChainLinkModel : LinkModel
{
    public ChainLinkModel(ChainEdge edge, NodeModel from, NodeModel to) : base($"{edge.From}>{edge.To}", from, to)
    {
        Edge = edge;
        Locked = true;
        TargetMarker = LinkMarker.Arrow;
    }

    public ChainEdge Edge { get; }
}
