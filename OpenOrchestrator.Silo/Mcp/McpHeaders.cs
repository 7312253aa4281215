using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Mcp;

/// <summary>A server's HTTP headers, encrypted at rest under a purpose bound to its owner (like <c>SecretStore</c>).</summary>
public sealed class McpHeaders(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("OpenOrchestrator.McpHeaders.v1");

    public void Store(McpServerRecord server, IReadOnlyDictionary<string, string> headers)
    {
        server.HeaderNames = [.. headers.Keys.Order(StringComparer.OrdinalIgnoreCase)];
        server.ProtectedHeaders = headers.Count == 0
            ? null
            : _protector.CreateProtector(server.OwnerId).Protect(JsonSerializer.Serialize(headers));
    }

    public Dictionary<string, string> Read(McpServerRecord server) =>
        server.ProtectedHeaders is { } stored
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(_protector.CreateProtector(server.OwnerId).Unprotect(stored)) ?? []
            : [];
}
