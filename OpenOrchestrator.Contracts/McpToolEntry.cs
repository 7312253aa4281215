namespace OpenOrchestrator.Contracts;

/// <summary>
/// One entry of a bot's <c>mcpTools</c>, <c>server.tool</c>: the server's name (which holds no dot) up to the first
/// dot, the tool's name as the server lists it after it (which may hold dots).
/// </summary>
public sealed record McpToolEntry(string Server, string Tool)
{
    public const int MaxLength = 200;

    /// <summary>The entry, or null when it is none: no server or tool, too long, or with white space.</summary>
    public static McpToolEntry? Parse(string? entry)
    {
        var dot = entry?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        return dot > 0 && dot < entry!.Length - 1 && entry.Length <= MaxLength && !entry.Any(char.IsWhiteSpace)
            ? new McpToolEntry(entry[..dot], entry[(dot + 1)..])
            : null;
    }

    public override string ToString() => $"{Server}.{Tool}";
}
