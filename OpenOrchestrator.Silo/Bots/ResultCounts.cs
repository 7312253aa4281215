using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Bots;

/// <summary>The results a run stored, as its bot's counters take them in when the run ends.</summary>
public static class ResultCounts
{
    /// <summary>
    /// How many results the run stored and how many of them are still unseen (the owner may have
    /// marked them seen while it ran). A run whose executor counted none stored none; otherwise
    /// the rows are counted, also for a run cut off before it could count.
    /// </summary>
    public static async Task<(int Stored, int Unseen)> OfRunAsync(OrchestratorDbContext db, string runId, RunOutcome outcome)
    {
        if (outcome.NewResultIds is { Count: 0 })
        {
            return (0, 0);
        }

        var counts = await db.Results.Where(r => r.RunId == runId)
            .GroupBy(r => r.RunId)
            .Select(g => new { Stored = g.Count(), Unseen = g.Count(r => !r.Seen) })
            .SingleOrDefaultAsync();
        return (counts?.Stored ?? 0, counts?.Unseen ?? 0);
    }
}
