using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace OpenOrchestrator.Silo.Tools;

public sealed record CodeResult(int? ExitCode, string Output, bool TimedOut, bool Truncated, TimeSpan Duration);

/// <summary>
/// Runs a shell command as a child process in a folder: its own process group (killed whole at
/// the limit), a scrubbed environment (no secrets, no server variables), output capped, and no
/// network when a new network namespace can be made (<c>unshare -n</c>).
/// </summary>
public sealed partial class CodeRunner(CodeOptions options, ILogger<CodeRunner> logger)
{
    private readonly Lazy<bool> _canIsolate = new(() => options.IsolateNetwork && CanIsolate(logger));

    /// <summary>True when commands run without network (checked once, by trying).</summary>
    public bool IsolatesNetwork => _canIsolate.Value;

    public async Task<CodeResult> RunAsync(string command, string folder, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var info = Start(command, folder);
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("The shell did not start.");
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

    private ProcessStartInfo Start(string command, string folder)
    {
        // setsid makes the shell a process group leader (group id = its pid): one kill reaches every child.
        var info = new ProcessStartInfo(IsolatesNetwork ? "unshare" : "setsid")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (IsolatesNetwork)
        {
            info.ArgumentList.Add("-n");
            info.ArgumentList.Add("setsid");
        }

        foreach (var argument in new[] { "/bin/sh", "-c", command })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment.Clear();
        info.Environment["PATH"] = "/usr/local/bin:/usr/bin:/bin";
        info.Environment["HOME"] = folder;
        info.Environment["TMPDIR"] = folder;
        info.Environment["LANG"] = "C.UTF-8";
        return info;
    }

    private void KillGroup(Process process)
    {
        if (Kill(-process.Id, SigKill) != 0 && Marshal.GetLastPInvokeError() != NoSuchProcess)
        {
            LogKillFailed(process.Id, Marshal.GetLastPInvokeError());
        }
    }

    private static bool CanIsolate(ILogger logger)
    {
        var can = Probe("unshare", "-n", "true");
        if (!can)
        {
            LogNoNetworkIsolation(logger);
        }

        return can;
    }

    private static bool Probe(string file, params string[] arguments)
    {
        try
        {
            using var probe = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true, RedirectStandardOutput = true });
            probe!.WaitForExit(5000);
            return probe.HasExited && probe.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private const int SigKill = 9;
    private const int NoSuchProcess = 3;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The code tool cannot make a network namespace here (unshare -n failed): commands it runs have network access")]
    private static partial void LogNoNetworkIsolation(ILogger logger);

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
                    var room = maxBytes - _bytes;
                    var take = Math.Min(room, read);
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
