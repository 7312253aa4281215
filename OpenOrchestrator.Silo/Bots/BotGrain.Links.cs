using OpenOrchestrator.Silo.Storage;
using OpenOrchestrator.Silo.Triggers;

namespace OpenOrchestrator.Silo.Bots;

/// <summary>
/// The bot's trigger subscriptions: where its runs' ends lead (its enabled triggers, the enabled bots
/// scheduled after it). Read once and kept, not read at every run's end; whatever changes a link tells
/// its source's grain after storing the change (the triggers API, templates, a bot scheduled after
/// this one being created, changed or deleted), so the next run's end reads them again.
/// </summary>
public sealed partial class BotGrain
{
    private IReadOnlyList<TriggerLink>? _links;
    private int _linksChanges;

    public Task LinksChangedAsync()
    {
        ForgetLinks();
        return Task.CompletedTask;
    }

    private void ForgetLinks()
    {
        _links = null;
        _linksChanges++;
    }

    /// <summary>The links, read when not kept; a read that a change notice overtook is used once, not kept.</summary>
    private async Task<IReadOnlyList<TriggerLink>> LinksAsync(OrchestratorDbContext db)
    {
        if (_links is { } kept)
        {
            return kept;
        }

        var changes = _linksChanges;
        var links = await TriggerFirings.LinksAsync(db, BotId);
        if (changes == _linksChanges)
        {
            _links = links;
        }

        return links;
    }

    /// <summary>Tells the bots whose links changed with this bot: the bots it was and is scheduled after, the sources of triggers to it.</summary>
    private Task TellLinksChangedAsync(params IEnumerable<string?> sources)
    {
        var others = sources.OfType<string>().ToList();
        if (others.RemoveAll(id => id == BotId) > 0)
        {
            // Not through the grain's own reference: told here, in its own turn.
            ForgetLinks();
        }

        return LinkChanges.TellAsync(GrainFactory, others);
    }

    /// <summary>The bot this one waits for, when it is an enabled "after" bot: that bot's links include this one.</summary>
    private static string? AfterSourceOf(BotRecord? bot) => bot is { Enabled: true, ScheduleKind: Contracts.ScheduleKinds.After } ? bot.ScheduleAfterBotId : null;
}
