using System.Text.Json.Serialization;

namespace OpenOrchestrator.Contracts;

/// <summary>The body of POST and PUT /api/mcp-servers: one MCP server a user's bots may call.</summary>
public sealed record McpServerSpec
{
    /// <summary>Letters, digits and underscores: the server's tools reach the model as <c>{name}-{tool}</c>.</summary>
    public string? Name { get; set; }

    /// <summary><c>http</c> (streamable HTTP) or <c>stdio</c> (a command run in the sandbox).</summary>
    public string? Transport { get; set; }

    public string? Url { get; set; }

    /// <summary>Sent with every HTTP request (an API key, a bearer token); stored encrypted and never read back. Null on PUT keeps those stored.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; set; }

    public string? Command { get; set; }

    public IReadOnlyList<string>? Args { get; set; }
}

/// <summary>An MCP server as every read returns it: header names only, never their values.</summary>
public sealed record McpServerView(
    string Id,
    string Name,
    string Transport,
    string? Url,
    IReadOnlyList<string> HeaderNames,
    string? Command,
    IReadOnlyList<string> Args,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The tools the server listed when it was tried: POST and PUT answer with them, other reads leave them out.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<McpToolView>? Tools { get; init; }
}

/// <summary>One tool an MCP server offers, as GET /api/mcp-servers/{id}/tools lists it.</summary>
public sealed record McpToolView(string Name, string? Description, string ModelName);

public static class McpTransports
{
    public const string Http = "http";
    public const string Stdio = "stdio";
    public static readonly IReadOnlyList<string> All = [Http, Stdio];
}
