using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Mcp;

/// <summary>
/// A user's MCP servers, read once for a bot's save or a run: what the bot's <c>mcpServers</c> (names or ids) and
/// <c>mcpTools</c> are checked against, and the names the bot keeps them by.
/// </summary>
public sealed class OwnedMcpServers(IReadOnlyList<McpServerRecord> servers)
{
    /// <summary>The owner's servers when the bot names any; no read when it names none.</summary>
    public static async Task<OwnedMcpServers> ReadAsync(string ownerId, IReadOnlyList<string>? chosen, McpServerQueries queries, CancellationToken cancellationToken) =>
        new(chosen is { Count: > 0 } ? await queries.ListAsync(ownerId, cancellationToken) : []);

    /// <summary>The server an entry names by its name or id, or null when the owner has none so named.</summary>
    public McpServerRecord? Find(string entry) => servers.FirstOrDefault(s => s.Name == entry.Trim() || s.Id == entry.Trim());

    /// <summary>Adds the errors of a spec whose own rules hold: servers the owner does not have, tools of servers the bot does not name.</summary>
    public void Validate(BotSpec spec, Dictionary<string, string[]> errors)
    {
        if (errors.ContainsKey("mcpServers") || errors.ContainsKey("mcpTools"))
        {
            return;
        }

        if (spec.McpServers is not { Count: > 0 } chosen)
        {
            if (spec.McpTools is { Count: > 0 })
            {
                errors["mcpTools"] = ["mcpTools narrows the tools of the bot's mcpServers: name the servers first."];
            }

            return;
        }

        var names = chosen.Select(Find).OfType<McpServerRecord>().Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        if (chosen.Where(entry => Find(entry) is null).Select(entry => $"You have no MCP server named '{entry}' (see GET /api/mcp-servers).").ToArray() is { Length: > 0 } unknown)
        {
            errors["mcpServers"] = unknown;
        }

        // The spec's own rules have made sure every entry parses.
        if ((spec.McpTools ?? []).Where(t => !names.Contains(McpToolEntry.Parse(t)!.Server)).Select(t => $"'{t}' names a server that is not among the bot's mcpServers.").ToArray() is { Length: > 0 } strays)
        {
            errors["mcpTools"] = strays;
        }
    }

    /// <summary>The spec with its servers by name, whether chosen by name or id: a bot keeps the names its tools reach the model by.</summary>
    public BotSpec Named(BotSpec spec) =>
        spec.McpServers is { Count: > 0 } chosen ? spec with { McpServers = [.. chosen.Select(entry => Find(entry)!.Name).Distinct()] } : spec;
}
