using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace OpenOrchestrator.Silo.Tools;

public sealed record CodeResult(int? ExitCode, string Output, bool TimedOut, bool Truncated, TimeSpan Duration);

/// <summary>
/// Runs a shell command as a child process in a folder: in a bubblewrap sandbox (only the system's
/// programs, read-only, and the folder; no network; own process ids), in its own process group
/// that is killed whole at the limit, with an environment of its own and capped output.
/// </summary>
public sealed partial class CodeRunner(CodeOptions options, ILogger<CodeRunner> logger)
{
    public const string Bubblewrap = "bwrap";

    /// <summary>Where the bot's folder appears inside the sandbox.</summary>
    public const string SandboxFolder = "/work";

    private readonly Lazy<bool> _sandboxed = new(() => options.Sandbox == CodeOptions.BubblewrapSandbox && Probe(logger));

    /// <summary>True when commands run in the sandbox (bubblewrap found and working, checked once).</summary>
    public bool Sandboxed => _sandboxed.Value;

    /// <summary>Null when commands may run; else why not.</summary>
    public string? Unavailable => options.Sandbox == CodeOptions.BubblewrapSandbox && !Sandboxed
        ? "the code tool needs bubblewrap on the server (Debian: apt-get install bubblewrap), or Tools__Code__Sandbox=none on a single-user machine"
        : null;

    public async Task<CodeResult> RunAsync(string command, string folder, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (Unavailable is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        Directory.CreateDirectory(folder);
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(Start(command, Path.GetFullPath(folder), timeout)) ?? throw new InvalidOperationException("The shell did not start.");
        process.StandardInput.Close();
        var output = new CappedOutput(options.MaxOutputBytes);
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

    private ProcessStartInfo Start(string command, string folder, TimeSpan timeout)
    {
        // setsid makes the child a process group leader (group id = its pid): one kill reaches every process it
        // started. timeout kills it too should this process die first; killing bwrap ends its whole sandbox.
        var info = new ProcessStartInfo("setsid")
        {
            ArgumentList = { "timeout", "-s", "KILL", $"{(int)timeout.TotalSeconds + 5}" },
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        var home = folder;
        if (Sandboxed)
        {
            home = SandboxFolder;
            foreach (var argument in SandboxArguments(folder))
            {
                info.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in new[] { "/bin/sh", "-c", command })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment.Clear();
        info.Environment["PATH"] = "/usr/local/bin:/usr/bin:/bin";
        info.Environment["HOME"] = home;
        info.Environment["TMPDIR"] = Sandboxed ? "/tmp" : folder;
        info.Environment["LANG"] = "C.UTF-8";
        return info;
    }

    /// <summary>The system's programs read-only, the bot's folder read-write, nothing else; no network, own process ids.</summary>
    internal static IEnumerable<string> SandboxArguments(string folder) =>
    [
        Bubblewrap,
        "--ro-bind", "/usr", "/usr",
        "--symlink", "usr/bin", "/bin",
        "--symlink", "usr/sbin", "/sbin",
        "--symlink", "usr/lib", "/lib",
        "--symlink", "usr/lib64", "/lib64",
        "--ro-bind-try", "/etc/alternatives", "/etc/alternatives",
        "--proc", "/proc",
        "--dev", "/dev",
        "--tmpfs", "/tmp",
        "--bind", folder, SandboxFolder,
        "--chdir", SandboxFolder,
        "--unshare-all",
    ];

    private void KillGroup(Process process)
    {
        if (Kill(-process.Id, SigKill) != 0 && Marshal.GetLastPInvokeError() != NoSuchProcess)
        {
            LogKillFailed(process.Id, Marshal.GetLastPInvokeError());
        }
    }

    private static bool Probe(ILogger logger)
    {
        try
        {
            using var probe = Process.Start(new ProcessStartInfo(Bubblewrap, [.. SandboxArguments(Path.GetTempPath()).Skip(1), "/bin/true"])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            });
            if (probe!.WaitForExit(10_000) && probe.ExitCode == 0)
            {
                return true;
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Not installed.
        }

        LogNoSandbox(logger);
        return false;
    }

    private const int SigKill = 9;
    private const int NoSuchProcess = 3;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "bubblewrap (bwrap) is missing or cannot make a sandbox here: the code tool refuses to run commands")]
    private static partial void LogNoSandbox(ILogger logger);

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
