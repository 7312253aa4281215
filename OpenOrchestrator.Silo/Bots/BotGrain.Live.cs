using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Costs;
using OpenOrchestrator.Silo.Live;
using OpenOrchestrator.Silo.Runs;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Bots;

/// <summary>
/// What the bot tells its owner's open pages (DESIGN D9), after each change is stored, with the views
/// the pages show: the bot from its own state, so no event makes anyone read it back.
/// </summary>
public sealed partial class BotGrain
{
    private void AnnounceChanged() => live.Publish(LiveEvent.Changed(_bot!.OwnerId, _bot.ToView(BotSpending.StatsOf(_bot, time.GetUtcNow().UtcDateTime))));

    /// <summary>A run began or was queued: the run, then the bot it changed.</summary>
    private void AnnounceStarted(RunRecord run)
    {
        live.Publish(LiveEvent.Started(_bot!.OwnerId, run.ToView()));
        AnnounceChanged();
    }

    private void AnnounceFinished(RunView run) => live.Publish(LiveEvent.Finished(_bot!.OwnerId, run));

    /// <summary>A run's end carries the first result it found (<paramref name="found"/>) and how many: the feed shows its title.</summary>
    private void Announce(ActivityRecord activity, FoundResult? found = null, int results = 0) => live.Publish(LiveEvent.Added(activity.OwnerId,
        new ActivityView(activity.Id, BotId, _bot!.Name, _bot.Emoji, activity.RunId, activity.Kind, activity.Message, activity.At.Utc())
        {
            ResultTitle = found?.Title,
            ResultUrl = found?.Url,
            Results = found is null ? 0 : results,
        }));

    /// <summary>Runs of this bot as stored, for an end the executor did not describe (cut off, or cancelled while queued).</summary>
    private static async Task<List<RunView>> RunViewsAsync(OrchestratorDbContext db, IReadOnlyCollection<string> runIds) =>
        [.. (await db.Runs.AsNoTracking().Where(r => runIds.Contains(r.Id)).ToListAsync()).Select(r => r.ToView())];
}
