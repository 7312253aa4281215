using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Client;
using OpenOrchestrator.Silo.Storage;
using OpenOrchestrator.Silo.Tools;

namespace OpenOrchestrator.Silo.Mcp;

/// <summary>
/// Starts a stdio server as the code tool runs commands: in its bubblewrap sandbox (the system's programs and the
/// given folder, no network), with an environment of its own, so no secret or setting of this server reaches it.
/// </summary>
public sealed class McpSandbox(CodeRunner runner, IOptions<McpOptions> options)
{
    public StdioClientTransport Transport(McpServerRecord server, string folder, Action<string> standardError)
    {
        if (runner.Unavailable is { } reason)
        {
            throw new McpConnectException($"stdio servers run in the code tool's sandbox: {reason}");
        }

        Directory.CreateDirectory(folder);
        var sandboxed = runner.Sandboxed;
        List<string> arguments = sandboxed
            ? [.. CodeRunner.SandboxArguments(Path.GetFullPath(folder)).Skip(1), .. ServersFolder(), "--die-with-parent", "--", server.Command!, .. server.Args]
            : [.. server.Args];
        return new StdioClientTransport(
            new StdioClientTransportOptions
            {
                Name = server.Name,
                Command = sandboxed ? CodeRunner.Bubblewrap : server.Command!,
                Arguments = arguments,
                WorkingDirectory = folder,
                InheritEnvironmentVariables = false,
                EnvironmentVariables = new Dictionary<string, string?>
                {
                    ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
                    ["HOME"] = sandboxed ? CodeRunner.SandboxFolder : folder,
                    ["TMPDIR"] = sandboxed ? "/tmp" : folder,
                    ["LANG"] = "C.UTF-8",
                },
                StandardErrorLines = standardError,
                ShutdownTimeout = TimeSpan.FromSeconds(2),
            },
            NullLoggerFactory.Instance);
    }

    private IEnumerable<string> ServersFolder() =>
        options.Value.ServersPath is { Length: > 0 } path && Directory.Exists(path)
            ? ["--ro-bind", Path.GetFullPath(path), McpOptions.SandboxServersFolder]
            : [];
}
