using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Costs;

/// <summary>What a user's runs cost in a period, grouped in the database by bot, model (the one that answered) or day (UTC).</summary>
public sealed class UsageQueries(IDbContextFactory<OrchestratorDbContext> dbFactory)
{
    public async Task<UsageReport> ReportAsync(string ownerId, DateTime from, DateTime to, string groupBy, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var runs = db.Runs.Where(r => r.OwnerId == ownerId && r.CreatedAt >= from && r.CreatedAt < to);
        var rows = groupBy switch
        {
            UsageGroupings.Model => await Sum(runs.GroupBy(r => r.Model ?? "unknown")).ToListAsync(cancellationToken),
            UsageGroupings.Day => (await Sum(runs.GroupBy(r => r.CreatedAt.Date)).ToListAsync(cancellationToken))
                .Select(g => new Row<string>(g.Key.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), g.Cost, g.Tokens, g.Runs)).ToList(),
            _ => await Sum(runs.GroupBy(r => r.BotId)).ToListAsync(cancellationToken),
        };
        var labels = groupBy == UsageGroupings.Bot
            ? await db.Bots.Where(b => b.OwnerId == ownerId).ToDictionaryAsync(b => b.Id, b => $"{b.Emoji} {b.Name}", cancellationToken)
            : [];
        var groups = rows
            .Select(g => new UsageGroup(g.Key, labels.GetValueOrDefault(g.Key, g.Key), Math.Round(g.Cost, 6), g.Tokens, g.Runs))
            .OrderBy(g => groupBy == UsageGroupings.Day ? g.Key : "").ThenByDescending(g => g.Cost).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        return new UsageReport(new UsageFigures(Math.Round(groups.Sum(g => g.Cost), 6), groups.Sum(g => g.Tokens), groups.Sum(g => g.Runs)), groups);
    }

    private static IQueryable<Row<TKey>> Sum<TKey>(IQueryable<IGrouping<TKey, RunRecord>> groups) => groups.Select(g => new Row<TKey>(
        g.Key, g.Sum(r => r.Cost ?? 0.0), g.Sum(r => (long)r.PromptTokens + r.CompletionTokens), g.Count()));

    private sealed record Row<TKey>(TKey Key, double Cost, long Tokens, int Runs);
}
