using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace OpenOrchestrator.Silo.Tools;

public sealed record CodeResult(int? ExitCode, string Output, bool TimedOut, bool Truncated, TimeSpan Duration);

/// <summary>
/// Runs a shell command as a child process in a folder: in the <see cref="CodeSandbox"/> (only the system's programs,
/// read-only, and the folder; no network; own process ids; an unprivileged user under rlimits), in its own process
/// group that is killed whole at the limit, with an environment of its own and capped output.
/// </summary>
public sealed partial class CodeRunner
{
    /// <summary>Where the bot's folder appears inside the sandbox.</summary>
    public const string SandboxFolder = CodeSandbox.Folder;

    private readonly CodeOptions _options;
    private readonly ILogger<CodeRunner> _logger;
    private readonly CodeSandbox _sandbox;

    public CodeRunner(CodeOptions options, ILogger<CodeRunner> logger)
    {
        _options = options;
        _logger = logger;
        _sandbox = new CodeSandbox(options, logger);
    }

    /// <summary>True when commands run in the sandbox (bubblewrap found and working, checked once).</summary>
    public bool Sandboxed => _options.Sandbox == CodeOptions.BubblewrapSandbox && _sandbox.Works;

    /// <summary>Null when commands may run; else why not.</summary>
    public string? Unavailable => _options.Sandbox == CodeOptions.BubblewrapSandbox && !Sandboxed
        ? "the code tool needs bubblewrap on the server (Debian: apt-get install bubblewrap) and user namespaces, or Tools__Code__Sandbox=none on a single-user machine"
        : null;

    /// <summary>Null when commands may run in the folder; else why not.</summary>
    public string? CannotRunIn(string folder) => Unavailable ?? (Sandboxed ? _sandbox.Unreachable(Path.GetFullPath(folder)) : null);

    /// <summary>
    /// Readies the folder and returns the command line that runs the program there: in the sandbox, with further
    /// bubblewrap mounts, under the limits; or as it is without the sandbox. Code runs and stdio MCP servers both start this way.
    /// </summary>
    public async Task<IReadOnlyList<string>> CommandLineAsync(string folder, IEnumerable<string> mounts, string program, IEnumerable<string> arguments)
    {
        folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(folder);
        if (CannotRunIn(folder) is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        if (!Sandboxed)
        {
            return [program, .. arguments];
        }

        await _sandbox.HandOverAsync(folder);
        return _sandbox.Command(folder, mounts, program, arguments);
    }

    /// <summary>All a sandboxed program is given of an environment.</summary>
    public Dictionary<string, string?> EnvironmentFor(string folder) => new()
    {
        ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
        ["HOME"] = Sandboxed ? SandboxFolder : folder,
        ["TMPDIR"] = Sandboxed ? "/tmp" : folder,
        ["LANG"] = "C.UTF-8",
    };

    public async Task<CodeResult> RunAsync(string command, string folder, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var line = await CommandLineAsync(folder, [], "/bin/sh", ["-c", command]);
        using var process = Process.Start(Start(line, Path.GetFullPath(folder), timeout)) ?? throw new InvalidOperationException("The shell did not start.");
        process.StandardInput.Close();
        var output = new CappedOutput(_options.MaxOutputBytes);
        var reading = Task.WhenAll(output.DrainAsync(process.StandardOutput), output.DrainAsync(process.StandardError));

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = !cancellationToken.IsCancellationRequested;
            KillGroup(process);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        // Children that outlive the shell keep its pipes open: the group goes, then the pipes close.
        KillGroup(process);
        await reading;
        cancellationToken.ThrowIfCancellationRequested();
        return new CodeResult(timedOut ? null : process.ExitCode, output.Text, timedOut, output.Truncated, Stopwatch.GetElapsedTime(started));
    }

    private ProcessStartInfo Start(IReadOnlyList<string> line, string folder, TimeSpan timeout)
    {
        // setsid makes the child a process group leader (group id = its pid): one kill reaches every process it
        // started. timeout kills it too should this process die first; killing bwrap ends its whole sandbox.
        var info = new ProcessStartInfo("setsid", ["timeout", "-s", "KILL", $"{(int)timeout.TotalSeconds + 5}", .. line])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.Environment.Clear();
        foreach (var (name, value) in EnvironmentFor(folder))
        {
            info.Environment[name] = value;
        }

        return info;
    }

    private void KillGroup(Process process)
    {
        if (Kill(-process.Id, SigKill) != 0 && Marshal.GetLastPInvokeError() != NoSuchProcess)
        {
            LogKillFailed(process.Id, Marshal.GetLastPInvokeError());
        }
    }

    private const int SigKill = 9;
    private const int NoSuchProcess = 3;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not kill the process group {ProcessGroup} (errno {Errno})")]
    private partial void LogKillFailed(int processGroup, int errno);

    /// <summary>Stdout and stderr in arrival order, up to the cap; the rest is read and dropped so the child never blocks.</summary>
    private sealed class CappedOutput(int maxBytes)
    {
        private readonly StringBuilder _text = new();
        private int _bytes;

        public bool Truncated { get; private set; }

        public string Text
        {
            get { lock (_text) return _text.ToString(); }
        }

        public async Task DrainAsync(StreamReader reader)
        {
            var buffer = new char[4096];
            int read;
            while ((read = await reader.ReadAsync(buffer)) > 0)
            {
                lock (_text)
                {
                    var take = Math.Min(maxBytes - _bytes, read);
                    if (take > 0)
                    {
                        _text.Append(buffer, 0, take);
                        _bytes += Encoding.UTF8.GetByteCount(buffer, 0, take);
                    }

                    Truncated |= take < read;
                }
            }
        }
    }
}
