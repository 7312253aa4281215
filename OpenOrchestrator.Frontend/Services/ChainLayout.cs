namespace OpenOrchestrator.Frontend.Services;

/// <summary>Where a node of the links graph sits: its top-left corner, in pixels.</summary>
public readonly record struct NodePlace(double X, double Y);

/// <summary>The laid-out graph: each node's place, the points an arrow passes on its way past other columns, the size.</summary>
public sealed record ChainPlan(IReadOnlyDictionary<string, NodePlace> Places, IReadOnlyDictionary<ChainEdge, IReadOnlyList<NodePlace>> Waypoints, double Width, double Height);

/// <summary>
/// A layered left-to-right layout for the links graph (after Sugiyama): each bot one column right of the
/// furthest bot that leads to it, the channels in a last column. An arrow that spans columns holds a slot
/// in each column it passes, so it runs between boxes rather than behind them; each column is ordered by
/// where its arrows come from so that they cross little. Chains are short and few: one sweep is enough.
/// </summary>
public static class ChainLayout
{
    public const double NodeWidth = 176;
    public const double NodeHeight = 40;
    public const double ColumnGap = 136;
    public const double RowGap = 24;
    public const double Margin = 12;

    /// <summary>The height of a slot an arrow passes through: enough for its label.</summary>
    private const double PassHeight = 20;

    public static ChainPlan Of(ChainGraph graph)
    {
        var column = Columns(graph);
        var slots = graph.Nodes.Select(n => (Key: n.Key, Column: column[n.Key], Height: NodeHeight)).ToList();
        var passes = new Dictionary<ChainEdge, List<string>>();
        foreach (var edge in graph.Edges.Where(e => column[e.To] - column[e.From] > 1))
        {
            passes[edge] = [];
            for (var c = column[edge.From] + 1; c < column[edge.To]; c++)
            {
                var key = $"{edge.From}>{edge.To}@{c}";
                slots.Add((key, c, PassHeight));
                passes[edge].Add(key);
            }
        }

        // What leads into each slot: a node's arrows, or the slot before it on the same arrow.
        var into = graph.Edges
            .Select(e => passes.TryGetValue(e, out var keys) ? [e.From, .. keys, e.To] : new List<string> { e.From, e.To })
            .SelectMany(path => path.Zip(path.Skip(1)))
            .ToLookup(step => step.Second, step => step.First);
        var rowOf = new Dictionary<string, double>();
        var columns = slots.GroupBy(s => s.Column).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
        for (var i = 0; i < columns.Count; i++)
        {
            columns[i] = [.. columns[i].Select((slot, index) => (slot, order: Mean(into[slot.Key], rowOf) ?? index)).OrderBy(x => x.order).Select(x => x.slot)];
            for (var row = 0; row < columns[i].Count; row++) rowOf[columns[i][row].Key] = row;
        }

        static double Tall(List<(string Key, int Column, double Height)> slots) => slots.Sum(s => s.Height) + (slots.Count - 1) * RowGap;
        var height = columns.Count == 0 ? 0 : columns.Max(Tall);
        var places = new Dictionary<string, NodePlace>();
        foreach (var slotsOfColumn in columns)
        {
            // Shorter columns are centred against the tallest one.
            var y = Margin + (height - Tall(slotsOfColumn)) / 2;
            foreach (var slot in slotsOfColumn)
            {
                places[slot.Key] = new(Margin + slot.Column * (NodeWidth + ColumnGap), y + (slot.Height < NodeHeight ? slot.Height / 2 : 0));
                y += slot.Height + RowGap;
            }
        }

        var waypoints = passes.ToDictionary(
            p => p.Key,
            p => (IReadOnlyList<NodePlace>)[.. p.Value.SelectMany(key => new[] { places[key], places[key] with { X = places[key].X + NodeWidth } })]);
        foreach (var key in passes.Values.SelectMany(k => k)) places.Remove(key);
        var width = 2 * Margin + columns.Count * NodeWidth + Math.Max(0, columns.Count - 1) * ColumnGap;
        return new ChainPlan(places, waypoints, width, 2 * Margin + height);
    }

    /// <summary>The longest path to each bot, walking arrows in a depth-first order that skips the arrows closing a cycle.</summary>
    private static Dictionary<string, int> Columns(ChainGraph graph)
    {
        var next = graph.Edges.ToLookup(e => e.From, e => e.To);
        var order = new List<string>();
        var state = new Dictionary<string, bool>(); // false: on the current path, true: done
        var backEdges = new HashSet<(string, string)>();
        void Visit(string key)
        {
            state[key] = false;
            foreach (var to in next[key])
            {
                if (!state.TryGetValue(to, out var done)) Visit(to);
                else if (!done) backEdges.Add((key, to));
            }

            state[key] = true;
            order.Add(key);
        }

        foreach (var node in graph.Nodes.Where(n => !state.ContainsKey(n.Key))) Visit(node.Key);
        order.Reverse();

        var column = graph.Nodes.ToDictionary(n => n.Key, _ => 0);
        foreach (var from in order.Where(k => graph.Nodes.Any(n => n.Key == k && n.BotId is not null)))
        {
            foreach (var to in next[from].Where(to => !backEdges.Contains((from, to))))
            {
                column[to] = Math.Max(column[to], column[from] + 1);
            }
        }

        var channels = graph.Nodes.Where(n => n.BotId is null).Select(n => n.Key).ToList();
        var last = graph.Nodes.Where(n => n.BotId is not null).Select(n => column[n.Key]).DefaultIfEmpty(-1).Max() + 1;
        channels.ForEach(key => column[key] = last);
        return column;
    }

    /// <summary>The mean row of the slots already placed that lead here; null when none is placed.</summary>
    private static double? Mean(IEnumerable<string> sources, Dictionary<string, double> rowOf)
    {
        var rows = sources.Where(rowOf.ContainsKey).Select(k => rowOf[k]).ToList();
        return rows.Count == 0 ? null : rows.Average();
    }
}
