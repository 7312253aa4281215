using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.WebAssembly.Services;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>
/// The dashboard's links: every chain of the user's bots (triggers from GET /api/triggers, "after"
/// schedules, where each bot sends its results) drawn as a graph, and listed below it for keyboards and
/// screen readers, where triggers can be deleted and schedules changed.
/// </summary>
public sealed partial class LinksSection
{
    /// <summary>Lazily loaded (see the project file): most first loads draw no chain, and a dashboard is usable before the graph is.</summary>
    private static readonly string[] GraphAssemblies = ["Blazor.Diagrams.wasm", "Blazor.Diagrams.Core.wasm", "SvgPathProperties.wasm"];

    /// <summary>One load for the app: parameters set again while it is under way (a live change) must not fetch the files twice.</summary>
    private static Task? s_graphLoad;

    private ChainGraph _graph = new([], []);
    private Type? _graphType;

    [Parameter, EditorRequired] public IReadOnlyList<TriggerView> Triggers { get; set; } = [];

    [Parameter, EditorRequired] public IReadOnlyList<BotView> Bots { get; set; } = [];

    [Parameter] public EventCallback OnNew { get; set; }

    [Parameter] public EventCallback<TriggerView> OnDelete { get; set; }

    [Inject] private LazyAssemblyLoader Loader { get; set; } = default!;

    private Dictionary<string, object> GraphParameters => new() { [nameof(LinksGraph.Graph)] = _graph };

    protected override async Task OnParametersSetAsync()
    {
        _graph = ChainGraph.Of(Bots, Triggers);
        if (_graph.Edges.Count > 0 && _graphType is null)
        {
            await LoadGraphAsync();
        }
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The lazy assemblies are trimmed against this app's own use of them.")]
    private async Task LoadGraphAsync()
    {
        s_graphLoad ??= Loader.LoadAssembliesAsync(GraphAssemblies);
        await s_graphLoad;
        _graphType = GraphType();
    }

    /// <summary>The graph's type is named only once its library is loaded: the runtime resolves it (and the library's types) here.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Type GraphType() => typeof(LinksGraph);

    private static string Arrow(string from, string label, string to) => $"{from} ──{label}──▶ {to}";

    private string Describe(TriggerView trigger)
    {
        var target = trigger.TargetBotId is { } id ? Name(id) : Display.ActionLabel(trigger.TargetAction);
        return Arrow(Name(trigger.SourceBotId), ChainGraph.EventLabel(trigger.Event), target);
    }

    private bool Known(string? botId) => Bots.Any(b => b.Id == botId);

    private string Name(string botId) => Bots.FirstOrDefault(b => b.Id == botId) is { } bot ? $"{bot.Emoji} {bot.Name}" : L["DeletedBot"];

    private string NameOnly(string botId) => Bots.FirstOrDefault(b => b.Id == botId)?.Name ?? L["DeletedBot"];


    private static string Channel(string channel) => $"{ChainGraph.ChannelEmoji(channel)} {Display.ChannelLabel(channel)}";
}
