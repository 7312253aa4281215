using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Client;
using OpenOrchestrator.Silo.Storage;
using OpenOrchestrator.Silo.Tools;

namespace OpenOrchestrator.Silo.Mcp;

/// <summary>
/// Starts a stdio server as the code tool runs commands: in its bubblewrap sandbox (the system's programs and the
/// given folder, no network, an unprivileged user under the same limits), with an environment of its own, so no
/// secret or setting of this server reaches it.
/// </summary>
public sealed class McpSandbox(CodeRunner runner, IOptions<McpOptions> options)
{
    public async Task<StdioClientTransport> TransportAsync(McpServerRecord server, string folder, Action<string> standardError)
    {
        if (runner.CannotRunIn(folder) is { } reason)
        {
            throw new McpConnectException($"stdio servers run in the code tool's sandbox: {reason}");
        }

        var line = await runner.CommandLineAsync(folder, ServersFolder(), server.Command!, server.Args);
        return new StdioClientTransport(
            new StdioClientTransportOptions
            {
                Name = server.Name,
                Command = line[0],
                Arguments = [.. line.Skip(1)],
                WorkingDirectory = folder,
                InheritEnvironmentVariables = false,
                EnvironmentVariables = runner.EnvironmentFor(folder),
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
