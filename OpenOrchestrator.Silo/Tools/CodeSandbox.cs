using System.ComponentModel;
using System.Diagnostics;

namespace OpenOrchestrator.Silo.Tools;

/// <summary>
/// The bubblewrap sandbox commands and stdio MCP servers run in: the system's programs read-only and one folder,
/// no network, own process ids.
/// </summary>
internal sealed partial class CodeSandbox
{
    public const string Bubblewrap = "bwrap";

    /// <summary>Where the folder appears inside the sandbox.</summary>
    public const string Folder = "/work";

    private readonly ILogger _logger;
    private readonly Lazy<bool> _works;

    public CodeSandbox(ILogger logger)
    {
        _logger = logger;
        _works = new(Probe);
    }

    /// <summary>True when bubblewrap runs here with these arguments (checked once).</summary>
    public bool Works => _works.Value;

    /// <summary>The command line that runs the program with its arguments in the sandbox over the folder, with further bubblewrap mounts.</summary>
    public IReadOnlyList<string> Command(string folder, IEnumerable<string> mounts, string program, IEnumerable<string> arguments) =>
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
        "--bind", folder, Folder,
        "--chdir", Folder,
        .. mounts,
        "--unshare-all",
        "--die-with-parent",
        "--",
        program,
        .. arguments,
    ];

    private bool Probe()
    {
        var said = "";
        if (Runs(Command(Path.GetTempPath(), [], "/bin/true", []), ref said))
        {
            return true;
        }

        LogNoSandbox(_logger, said);
        return false;
    }

    private static bool Runs(IReadOnlyList<string> line, ref string said)
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
}
