using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Triggers;

/// <summary>The user's "A starts B" edges: enabled start-triggers, and bots whose schedule waits for another.</summary>
public static class TriggerGraph
{
    /// <summary>The path back from <paramref name="to"/> to <paramref name="from"/> that a new edge from → to would close, or null.</summary>
    public static async Task<IReadOnlyList<string>?> CycleThroughAsync(
        OrchestratorDbContext db, string ownerId, string from, string to, string? ignoreTriggerId = null, string? ignoreAfterOf = null)
    {
        var triggers = await db.Triggers.AsNoTracking()
            .Where(t => t.OwnerId == ownerId && t.Enabled && t.TargetAction == TargetActions.Start && t.TargetBot != null && t.Id != ignoreTriggerId)
            .Select(t => new { t.SourceBot, Target = t.TargetBot! })
            .ToListAsync();
        var afters = await db.Bots.AsNoTracking()
            .Where(b => b.OwnerId == ownerId && b.ScheduleKind == ScheduleKinds.After && b.ScheduleAfterBotId != null && b.Id != ignoreAfterOf)
            .Select(b => new { SourceBot = b.ScheduleAfterBotId!, Target = b.Id })
            .ToListAsync();
        var next = triggers.Concat(afters).ToLookup(e => e.SourceBot, e => e.Target);

        // Breadth-first from the new edge's target; reaching its source closes a cycle.
        var cameFrom = new Dictionary<string, string?> { [to] = null };
        var queue = new Queue<string>([to]);
        while (queue.Count > 0)
        {
            var bot = queue.Dequeue();
            if (bot == from)
            {
                var path = new List<string>();
                for (string? at = bot; at is not null; at = cameFrom[at]) path.Add(at);
                path.Reverse();
                return [from, .. path];
            }

            foreach (var target in next[bot].Where(t => !cameFrom.ContainsKey(t)))
            {
                cameFrom[target] = bot;
                queue.Enqueue(target);
            }
        }

        return null;
    }
}
