using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Hooks;

/// <summary>The last calls each hook answered: what its list shows. Only the newest <see cref="Kept"/> per hook are kept.</summary>
public static class HookCallLog
{
    public const int Kept = 10;
    public const int Shown = 5;

    public static async Task RecordAsync(OrchestratorDbContext db, string hookId, DateTime at, int status, string? runId = null, bool repeated = false)
    {
        db.HookCalls.Add(new HookCallRecord { HookId = hookId, At = at, Status = status, RunId = runId, Repeated = repeated });
        await db.SaveChangesAsync();
        var newest = db.HookCalls.Where(c => c.HookId == hookId).OrderByDescending(c => c.Id).Take(Kept).Select(c => c.Id);
        await db.HookCalls.Where(c => c.HookId == hookId && !newest.Contains(c.Id)).ExecuteDeleteAsync();
    }

    /// <summary>The newest calls of each of <paramref name="hookIds"/>, newest first.</summary>
    public static async Task<ILookup<string, HookCallView>> LastAsync(OrchestratorDbContext db, IReadOnlyList<string> hookIds, CancellationToken cancellationToken)
    {
        var calls = await db.HookCalls.AsNoTracking()
            .Where(c => hookIds.Contains(c.HookId))
            .OrderByDescending(c => c.Id)
            .ToListAsync(cancellationToken);
        return calls
            .GroupBy(c => c.HookId)
            .SelectMany(g => g.Take(Shown))
            .ToLookup(c => c.HookId, c => new HookCallView(c.At.Utc(), c.Status, c.RunId, c.Repeated));
    }
}
