using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Api;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Mcp;

/// <summary>Each user's MCP servers. A server is tried before it is stored: one that cannot be used is a 400 saying why.</summary>
public static class McpServersApi
{
    public const string UnusableProblem = "urn:openorchestrator:problem:mcp-server-unusable";

    public static RouteGroupBuilder MapMcpServersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/mcp-servers").WithTags("MCP servers").RequireAuthorization();
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPut("/{id}", UpdateAsync);
        group.MapDelete("/{id}", DeleteAsync);
        group.MapGet("/{id}/tools", ToolsAsync);
        return group;
    }

    private static async Task<Ok<IEnumerable<McpServerView>>> ListAsync(CurrentUser user, McpServerQueries servers, CancellationToken cancellationToken) =>
        TypedResults.Ok((await servers.ListAsync(user.Id, cancellationToken)).Select(McpServerQueries.ToView));

    private static async Task<Results<Ok<McpServerView>, NotFound>> GetAsync(string id, CurrentUser user, McpServerQueries servers, CancellationToken cancellationToken) =>
        await servers.GetAsync(user.Id, id, cancellationToken) is { } server ? TypedResults.Ok(McpServerQueries.ToView(server)) : TypedResults.NotFound();

    private static async Task<Results<Created<McpServerView>, ValidationProblem>> CreateAsync(
        McpServerSpec spec, CurrentUser user, OrchestratorDbContext db, McpHeaders headers, McpProbe probe, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var server = new McpServerRecord { Id = Ids.New(), OwnerId = user.Id, Name = "", Transport = "", CreatedAt = now };
        var (tools, problem) = await CheckAsync(spec, server, db, headers, probe, now, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        db.McpServers.Add(server);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/mcp-servers/{server.Id}", McpServerQueries.ToView(server) with { Tools = tools });
    }

    private static async Task<Results<Ok<McpServerView>, NotFound, ValidationProblem>> UpdateAsync(
        string id, McpServerSpec spec, CurrentUser user, OrchestratorDbContext db, McpHeaders headers, McpProbe probe, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var userId = user.Id;
        if (!Ids.IsWellFormed(id) || await db.McpServers.SingleOrDefaultAsync(s => s.OwnerId == userId && s.Id == id, cancellationToken) is not { } server)
        {
            return TypedResults.NotFound();
        }

        var (tools, problem) = await CheckAsync(spec, server, db, headers, probe, time.GetUtcNow().UtcDateTime, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(McpServerQueries.ToView(server) with { Tools = tools });
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(string id, CurrentUser user, OrchestratorDbContext db, CancellationToken cancellationToken)
    {
        var userId = user.Id;
        return Ids.IsWellFormed(id) && await db.McpServers.Where(s => s.OwnerId == userId && s.Id == id).ExecuteDeleteAsync(cancellationToken) > 0
            ? TypedResults.NoContent()
            : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<IReadOnlyList<McpToolView>>, NotFound, ValidationProblem>> ToolsAsync(
        string id, CurrentUser user, McpServerQueries servers, McpProbe probe, CancellationToken cancellationToken)
    {
        if (await servers.GetAsync(user.Id, id, cancellationToken) is not { } server)
        {
            return TypedResults.NotFound();
        }

        try
        {
            return TypedResults.Ok(await probe.ToolsAsync(server, cancellationToken));
        }
        catch (McpConnectException e)
        {
            return Unusable(server, e.Message);
        }
    }

    /// <summary>
    /// Checks the spec, writes it onto the row (headers encrypted; none given on a change of an HTTP server leaves the
    /// stored ones as they are) and tries the server: the tools it listed, or the problem that keeps it from being saved.
    /// </summary>
    private static async Task<(IReadOnlyList<McpToolView>? Tools, ValidationProblem? Problem)> CheckAsync(
        McpServerSpec spec, McpServerRecord server, OrchestratorDbContext db, McpHeaders headers, McpProbe probe, DateTime now, CancellationToken cancellationToken)
    {
        var errors = McpServerRules.Validate(spec);
        var name = spec.Name?.Trim() ?? "";
        if (errors.Count == 0 && await db.McpServers.AnyAsync(s => s.OwnerId == server.OwnerId && s.Name == name && s.Id != server.Id, cancellationToken))
        {
            errors["name"] = [$"You already have an MCP server named '{name}'."];
        }

        if (errors.Count == 0 && server.Name.Length > 0 && name != server.Name && await UsersAsync(db, server, cancellationToken) is { Count: > 0 } bots)
        {
            // Bots keep their servers by name; renaming under them would quietly take their tools away.
            errors["name"] = [$"{string.Join(", ", bots)} use this server as '{server.Name}': keep the name, or untick the server in those bots first."];
        }

        if (errors.Count > 0)
        {
            return (null, TypedResults.ValidationProblem(errors));
        }

        var http = spec.Transport == McpTransports.Http;
        if (!(http && spec.Headers is null && server.Transport == McpTransports.Http))
        {
            headers.Store(server, http && spec.Headers is { } given ? given : new Dictionary<string, string>());
        }

        server.Name = name;
        server.Transport = spec.Transport!;
        server.Url = http ? spec.Url!.Trim() : null;
        server.Command = http ? null : spec.Command!.Trim();
        server.Args = http ? [] : [.. spec.Args ?? []];
        server.UpdatedAt = now;

        try
        {
            return (await probe.ToolsAsync(server, cancellationToken), null);
        }
        catch (McpConnectException e)
        {
            return (null, Unusable(server, e.Message));
        }
    }

    private static async Task<List<string>> UsersAsync(OrchestratorDbContext db, McpServerRecord server, CancellationToken cancellationToken) =>
        [.. (await db.Bots.AsNoTracking().Where(b => b.OwnerId == server.OwnerId).Select(b => new { b.Name, b.McpServers }).ToListAsync(cancellationToken))
            .Where(b => b.McpServers.Contains(server.Name))
            .Select(b => b.Name)];

    private static ValidationProblem Unusable(McpServerRecord server, string reason) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { [server.Transport == McpTransports.Http ? "url" : "command"] = [reason] },
        detail: $"The MCP server cannot be used: {reason}",
        title: "The MCP server cannot be used",
        type: UnusableProblem);
}
