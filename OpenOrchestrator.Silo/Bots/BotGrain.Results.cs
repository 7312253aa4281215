using Microsoft.EntityFrameworkCore;

namespace OpenOrchestrator.Silo.Bots;

/// <summary>Results become seen through the bot, which counts its unseen ones (DESIGN D5): reads never count them.</summary>
public sealed partial class BotGrain
{
    /// <summary>Results were marked seen while the active run went on: its end counts its unseen ones from the rows.</summary>
    private bool _seenWhileRunning;

    public async Task<bool> MarkResultsSeenAsync(string ownerId, string? resultId)
    {
        if (!IsOwnedBy(ownerId))
        {
            return false;
        }

        // Results of the run still going on are counted when it ends (as seen, by then); only counted ones leave the count now.
        var active = _bot!.ActiveRunId ?? "";
        var no = false;
        int counted;
        await using (var db = await dbFactory.CreateDbContextAsync())
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            // The flag compared with a value: SQLite then reads only the unseen rows, by the (bot, seen, time) index.
            var unseen = db.Results.Where(r => r.BotId == BotId && r.Seen == no && (resultId == null || r.Id == resultId));
            counted = await unseen.Where(r => r.RunId != active).ExecuteUpdateAsync(s => s.SetProperty(r => r.Seen, true));
            _seenWhileRunning |= await unseen.Where(r => r.RunId == active).ExecuteUpdateAsync(s => s.SetProperty(r => r.Seen, true)) > 0;
            if (counted > 0)
            {
                var left = Math.Max(0, _bot.UnseenResults - counted);
                await db.Bots.Where(b => b.Id == BotId).ExecuteUpdateAsync(s => s.SetProperty(b => b.UnseenResults, left));
            }

            await tx.CommitAsync();
        }

        if (counted > 0)
        {
            var bot = Copy(_bot);
            bot.UnseenResults = Math.Max(0, bot.UnseenResults - counted);
            _bot = bot;
            AnnounceChanged();
        }

        return true;
    }
}
