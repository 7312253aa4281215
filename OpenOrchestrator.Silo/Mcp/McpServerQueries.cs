using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Mcp;

/// <summary>Reads of a user's MCP servers; every one filters by the owner.</summary>
public sealed class McpServerQueries(IDbContextFactory<OrchestratorDbContext> dbFactory)
{
    public async Task<IReadOnlyList<McpServerRecord>> ListAsync(string ownerId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.McpServers.AsNoTracking().Where(s => s.OwnerId == ownerId).OrderBy(s => s.Name).ToListAsync(cancellationToken);
    }

    public async Task<McpServerRecord?> GetAsync(string ownerId, string id, CancellationToken cancellationToken)
    {
        if (!Ids.IsWellFormed(id))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.McpServers.AsNoTracking().SingleOrDefaultAsync(s => s.OwnerId == ownerId && s.Id == id, cancellationToken);
    }

    public static McpServerView ToView(McpServerRecord server) => new(
        server.Id, server.Name, server.Transport, server.Url, server.HeaderNames, server.Command, server.Args,
        server.CreatedAt.Utc(), server.UpdatedAt.Utc());
}
