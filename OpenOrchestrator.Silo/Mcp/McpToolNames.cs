using System.Text.RegularExpressions;

namespace OpenOrchestrator.Silo.Mcp;

/// <summary>An MCP tool's name as a Kernel function's (letters, digits, '_' and '-'); the model sees <c>{server}-{function}</c>.</summary>
public static partial class McpToolNames
{
    public static string Function(string tool) => Disallowed().Replace(tool, "_");

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex Disallowed();
}
