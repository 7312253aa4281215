using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using OpenOrchestrator.Silo.Tools;

namespace OpenOrchestrator.Silo.Tests.Security;

/// <summary>Code runners whose commands run in the sandbox, as a server runs them.</summary>
internal static class Sandboxes
{
    /// <summary>Long enough for a busy machine; the commands under test end far sooner or fail.</summary>
    public static readonly TimeSpan Generous = TimeSpan.FromSeconds(120);

    /// <summary>The sandbox needs bubblewrap: scripts/test.sh installs it (scripts/sandbox.sh).</summary>
    public static CodeRunner Runner(CodeOptions? options = null)
    {
        var runner = new CodeRunner(options ?? new CodeOptions(), NullLogger<CodeRunner>.Instance);
        Assert.True(runner.Sandboxed, "bubblewrap is missing or cannot make a sandbox here: run scripts/sandbox.sh");
        return runner;
    }

    /// <summary>The host user id that owns a file, as the host sees it.</summary>
    public static string OwnerOf(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%u", path]) { RedirectStandardOutput = true })!;
        var owner = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        return owner;
    }

    /// <summary>The fields of a <c>/proc/self/status</c> the command printed, by name.</summary>
    public static Dictionary<string, string> StatusFields(string output) => output
        .Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(line => line.Split(':', 2))
        .Where(parts => parts.Length == 2)
        .ToDictionary(parts => parts[0], parts => parts[1].Trim());
}
