using System.ComponentModel.DataAnnotations;

namespace OpenOrchestrator.Silo.Tools;

/// <summary>Limits of the <c>code</c> tool (DESIGN D8); a bot still has to enable the tool.</summary>
public sealed class CodeOptions
{
    public const string SectionName = "Tools:Code";

    /// <summary>Off switch for the whole server: bots with the tool are told it is disabled.</summary>
    public bool Enabled { get; set; } = true;

    [Range(1, 3600)]
    public int TimeoutSeconds { get; set; } = 60;

    [Range(1024, 16 * 1024 * 1024)]
    public int MaxOutputBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// <c>bwrap</c> (default): commands run in a bubblewrap sandbox that sees only the system's
    /// programs (read-only) and the bot's folder, with no network, their own process ids, an
    /// unprivileged user without capabilities and the limits below; the tool refuses to run
    /// without bubblewrap. <c>none</c>: a plain child process that could read the server's files
    /// and has none of these limits; only for a single-user machine.
    /// </summary>
    [RegularExpression("^(bwrap|none)$", ErrorMessage = "Tools:Code:Sandbox must be 'bwrap' or 'none'.")]
    public string Sandbox { get; set; } = BubblewrapSandbox;

    public const string BubblewrapSandbox = "bwrap";

    /// <summary>Processes and threads one command may have at once, counted in its own sandbox (RLIMIT_NPROC).</summary>
    [Range(8, 65536)]
    public int MaxProcesses { get; set; } = 64;

    /// <summary>
    /// Memory one process may write to: heap and private mappings (RLIMIT_DATA). Address space a runtime only
    /// reserves is not counted, so Node.js and the JVM still start, as they would not under RLIMIT_AS.
    /// </summary>
    [Range(16d * 1024 * 1024, 1_099_511_627_776d)]
    public long MaxMemoryBytes { get; set; } = 512 * 1024 * 1024;

    /// <summary>The largest file a command may write (RLIMIT_FSIZE); a write past it fails with "File size limit exceeded".</summary>
    [Range(64d * 1024, 1_099_511_627_776d)]
    public long MaxFileBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>Processor seconds one process may use (RLIMIT_CPU); unset, the time limit.</summary>
    [Range(1, 86_400)]
    public int? CpuSeconds { get; set; }

    [Range(64, 1_048_576)]
    public int MaxOpenFiles { get; set; } = 1024;

    /// <summary>
    /// The host user (and group) id sandboxed commands run as when the server runs as root; the bot's folder is
    /// handed to it before each command. A server running as an ordinary user runs them as itself.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int SandboxUid { get; set; } = 65534;
}
