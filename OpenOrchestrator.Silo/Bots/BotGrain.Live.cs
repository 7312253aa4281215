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
    /// <summary>Spending figures are read again after this, so runs leave the window of recent ones.</summary>
    private static readonly TimeSpan SpendingKept = TimeSpan.FromHours(1);

    private RecentSpending? _spending;
    private DateTime _spendingReadAt;

    /// <summary>The bot as a read returns it: its counters from its state, its spending read once and then kept up to date.</summary>
    private async Task<BotView> ViewAsync()
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (_spending is null || now - _spendingReadAt > SpendingKept || Money.MonthStart(now) != _spending.Month)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            _spending = (await RecentSpending.ReadAsync(db, [BotId], now)).GetValueOrDefault(BotId) ?? RecentSpending.Nothing(now);
            _spendingReadAt = now;
        }

        var bot = _bot!;
        return bot.ToView(_spending.StatsOf(bot, now));
    }

    private async Task AnnounceChangedAsync() => live.Publish(LiveEvent.Changed(_bot!.OwnerId, await ViewAsync()));

    /// <summary>A run began or was queued: the run, then the bot it changed.</summary>
    private async Task AnnounceStartedAsync(RunRecord run)
    {
        _spending = _spending?.Started();
        live.Publish(LiveEvent.Started(_bot!.OwnerId, run.ToView()));
        await AnnounceChangedAsync();
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
