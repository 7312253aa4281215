using System.ComponentModel;
using System.Diagnostics;

namespace OpenOrchestrator.Silo.Tools;

/// <summary>
/// The bubblewrap sandbox commands and stdio MCP servers run in: the system's programs read-only and one folder,
/// no network, own process ids, an unprivileged user in a user namespace of its own, no capabilities,
/// no_new_privs, and rlimits on processes, memory, file size, processor time and open files.
/// </summary>
internal sealed partial class CodeSandbox
{
    public const string Bubblewrap = "bwrap";

    /// <summary>Where the folder appears inside the sandbox.</summary>
    public const string Folder = "/work";

    /// <summary>The user and group the command is inside its namespace: nobody, never root.</summary>
    private const string InsideId = "65534";

    private readonly CodeOptions _options;
    private readonly ILogger _logger;
    private readonly Lazy<bool?> _disableUserns;

    public CodeSandbox(CodeOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
        _disableUserns = new(Probe);
    }

    /// <summary>
    /// A server running as root would be root outside the sandbox's namespace too, owning every root file the
    /// sandbox can reach (device nodes, /proc/sys): it drops to <see cref="CodeOptions.SandboxUid"/> first.
    /// </summary>
    private static bool RunsAsRoot => Environment.IsPrivilegedProcess;

    /// <summary>True when bubblewrap runs here with these arguments (checked once).</summary>
    public bool Works => _disableUserns.Value is not null;

    /// <summary>Null when the sandbox's user can reach the folder: as root, that user needs search permission on every folder above it.</summary>
    public string? Unreachable(string folder)
    {
        if (!RunsAsRoot || OperatingSystem.IsWindows())
        {
            return null;
        }

        for (var above = Path.GetDirectoryName(folder); above is not null; above = Path.GetDirectoryName(above))
        {
            // A folder not made yet is made by this server, as it makes the bots' folders.
            if (Directory.Exists(above) && (File.GetUnixFileMode(above) & UnixFileMode.OtherExecute) == 0)
            {
                return $"the sandbox's user (uid {_options.SandboxUid}) cannot reach the bot's folder: the server's data folder and the folders above it need search permission for others (chmod o+x)";
            }
        }

        return null;
    }

    /// <summary>As root, gives the folder and all it holds to the sandbox's user, so commands can change what the server wrote.</summary>
    public async Task HandOverAsync(string folder)
    {
        if (!RunsAsRoot)
        {
            return;
        }

        // -R without -L walks no symbolic link and -h changes links themselves: a link the sandbox left in the
        // folder cannot make root give away a file outside it.
        var owner = $"{_options.SandboxUid}:{_options.SandboxUid}";
        using var chown = Process.Start(new ProcessStartInfo("chown", ["-R", "-h", owner, "--", folder]) { RedirectStandardError = true })!;
        var said = await chown.StandardError.ReadToEndAsync();
        await chown.WaitForExitAsync();
        if (chown.ExitCode != 0)
        {
            LogHandOverFailed(_logger, owner, said);
        }
    }

    /// <summary>The command line that runs the program with its arguments in the sandbox over the folder, with further bubblewrap mounts.</summary>
    public IReadOnlyList<string> Command(string folder, IEnumerable<string> mounts, string program, IEnumerable<string> arguments) =>
        Command(folder, mounts, program, arguments, _disableUserns.Value ?? false);

    private List<string> Command(string folder, IEnumerable<string> mounts, string program, IEnumerable<string> arguments, bool disableUserns) =>
    [
        .. If(RunsAsRoot, "setpriv", $"--reuid={_options.SandboxUid}", $"--regid={_options.SandboxUid}", "--clear-groups", "--"),
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
        "--bind", folder, Folder,
        "--chdir", Folder,
        .. mounts,
        "--unshare-all", "--unshare-user", .. If(disableUserns, "--disable-userns"),
        "--uid", InsideId, "--gid", InsideId,
        "--cap-drop", "ALL", "--new-session", "--die-with-parent",
        "--",
        // Set inside: RLIMIT_NPROC counts per user and user namespace, so each command has processes of its own
        // to count; set outside, the limit would be shared with every other sandbox of the same host user.
        "prlimit",
        $"--nproc={_options.MaxProcesses}",
        $"--data={_options.MaxMemoryBytes}",
        $"--fsize={_options.MaxFileBytes}",
        $"--cpu={_options.CpuSeconds ?? _options.TimeoutSeconds}",
        $"--nofile={_options.MaxOpenFiles}",
        "--core=0",
        "--",
        program,
        .. arguments,
    ];

    private static string[] If(bool condition, params string[] arguments) => condition ? arguments : [];

    /// <summary>--disable-userns (no user namespaces inside, so no capabilities in one) came with bubblewrap 0.8; older ones run without it.</summary>
    private bool? Probe()
    {
        var said = "";
        foreach (var disableUserns in (bool[])[true, false])
        {
            if (Runs(Command(Path.GetTempPath(), [], "/bin/true", [], disableUserns), ref said))
            {
                if (!disableUserns)
                {
                    LogUserNamespacesInside(_logger);
                }

                return disableUserns;
            }
        }

        LogNoSandbox(_logger, said);
        return null;
    }

    private static bool Runs(List<string> line, ref string said)
    {
        try
        {
            using var probe = Process.Start(new ProcessStartInfo(line[0], line.Skip(1)) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            if (!probe.WaitForExit(10_000))
            {
                probe.Kill(entireProcessTree: true);
                said = "no answer within 10 s";
                return false;
            }

            said = probe.StandardError.ReadToEnd().Trim();
            return probe.ExitCode == 0;
        }
        catch (Win32Exception)
        {
            said = $"{line[0]} is not installed";
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "bubblewrap (bwrap) is missing or cannot make a sandbox here ({Said}): the code tool refuses to run commands")]
    private static partial void LogNoSandbox(ILogger logger, string said);

    [LoggerMessage(Level = LogLevel.Warning, Message = "bubblewrap is older than 0.8: sandboxed commands may make user namespaces of their own (upgrade for --disable-userns)")]
    private static partial void LogUserNamespacesInside(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not give a bot's folder to the sandbox's user {Owner}: {Said}")]
    private static partial void LogHandOverFailed(ILogger logger, string owner, string said);
}
