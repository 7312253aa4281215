using System.Diagnostics;

namespace OpenOrchestrator.Testing;

/// <summary>
/// The reference MCP server, @modelcontextprotocol/server-everything, as scripts/mcp.sh installs it into
/// artifacts/mcp: its paths for stdio, and a process serving streamable HTTP on 127.0.0.1.
/// </summary>
public sealed class EverythingServer : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);
    private const string Entry = "node_modules/@modelcontextprotocol/server-everything/dist/index.js";

    private readonly Process _process;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _output = [];

    private EverythingServer(Process process, int port)
    {
        _process = process;
        Url = new Uri($"http://127.0.0.1:{port}/mcp");
    }

    /// <summary>The folder the servers are installed in (Tools__Mcp__ServersPath).</summary>
    public static string Folder => Path.Combine(SiloProcess.RepositoryRoot(), "artifacts", "mcp");

    /// <summary>The server's script as a stdio server sees it in the sandbox, where the folder is /opt/mcp.</summary>
    public static string EntryInSandbox => $"/opt/mcp/{Entry}";

    /// <summary>The streamable HTTP endpoint.</summary>
    public Uri Url { get; }

    public string Output
    {
        get { lock (_output) return string.Join('\n', _output); }
    }

    public static async Task<EverythingServer> StartHttpAsync()
    {
        var script = Path.Combine(Folder, Entry);
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"{script} is missing: run scripts/mcp.sh");
        }

        var port = SiloProcess.FreePort();
        var info = new ProcessStartInfo("node", [script, "streamableHttp"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        var server = new EverythingServer(new Process { StartInfo = info, EnableRaisingEvents = true }, port);
        server._process.OutputDataReceived += (_, e) => server.OnLine(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.OnLine(e.Data);
        server._process.Exited += (_, _) => server._ready.TrySetException(new InvalidOperationException($"The MCP server exited:\n{server.Output}"));
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        try
        {
            await server._ready.Task.WaitAsync(StartDeadline);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException($"The MCP server did not listen within {StartDeadline}:\n{server.Output}", e);
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        if (line.Contains("listening on port", StringComparison.OrdinalIgnoreCase))
        {
            _ready.TrySetResult();
        }
    }
}
