using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Silo.Runs;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Bots;

/// <summary>The results a run stored, as its bot's counters take them in when the run ends.</summary>
public static class ResultCounts
{
    /// <summary>
    /// How many results the run stored and how many of them are still unseen. What its executor
    /// counted, unless the owner marked some seen while it ran or it ended elsewhere (cut off before
    /// it could count): then the rows are counted.
    /// </summary>
    public static async Task<(int Stored, int Unseen)> OfRunAsync(OrchestratorDbContext db, string runId, RunOutcome outcome, bool seenWhileRunning)
    {
        if (outcome.NewResultIds is { } counted && (counted.Count == 0 || !seenWhileRunning))
        {
            return (counted.Count, counted.Count);
        }

        var counts = await db.Results.Where(r => r.RunId == runId)
            .GroupBy(r => r.RunId)
            .Select(g => new { Stored = g.Count(), Unseen = g.Count(r => !r.Seen) })
            .SingleOrDefaultAsync();
        return (counts?.Stored ?? 0, counts?.Unseen ?? 0);
    }
}
