using Microsoft.EntityFrameworkCore;

namespace OpenOrchestrator.Silo.Storage;

/// <summary>Whether a bot is the user's, read from its row: what a route or hub call under a bot checks first.</summary>
public sealed class BotOwners(IDbContextFactory<OrchestratorDbContext> dbFactory)
{
    public async Task<bool> OwnsAsync(string ownerId, string botId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Bots.AnyAsync(b => b.Id == botId && b.OwnerId == ownerId, cancellationToken);
    }
}
