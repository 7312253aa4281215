using OpenOrchestrator.Silo.Runs;


namespace OpenOrchestrator.Silo.Triggers;

/// <summary>Once a trigger or an "after" schedule is stored, changed or removed, its source bots read their links again (their grains keep them).</summary>
public static class LinkChanges
{
    public static Task TellAsync(IGrainFactory grains, IEnumerable<string> sources) =>
        Task.WhenAll(sources.Distinct().Select(id => grains.GetGrain<IBotGrain>(id).LinksChangedAsync()));
}
