using System.ComponentModel.DataAnnotations;

namespace OpenOrchestrator.Silo.Mcp;

/// <summary>How the server reaches users' MCP servers.</summary>
public sealed class McpOptions
{
    public const string SectionName = "Tools:Mcp";

    /// <summary>Where stdio servers see the folder of installed servers, read-only, inside the sandbox.</summary>
    public const string SandboxServersFolder = "/opt/mcp";

    /// <summary>A folder of installed stdio servers (e.g. <c>npm install --prefix</c>), visible read-only at <c>/opt/mcp</c> in the sandbox.</summary>
    [StringLength(1024)]
    public string? ServersPath { get; set; }

    /// <summary>How long connecting and listing a server's tools may take, at registration and at a run's start.</summary>
    [Range(1, 300)]
    public int ConnectTimeoutSeconds { get; set; } = 20;

    /// <summary>How long one tool call may take.</summary>
    [Range(1, 3600)]
    public int CallTimeoutSeconds { get; set; } = 120;
}
