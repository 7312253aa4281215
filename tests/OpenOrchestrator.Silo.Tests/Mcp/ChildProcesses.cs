using System.Globalization;

namespace OpenOrchestrator.Silo.Tests.Mcp;

/// <summary>A process's descendants as Linux's /proc shows them: each process's parent is the fourth field of its stat file.</summary>
internal static class ChildProcesses
{
    /// <summary>The command lines (arguments joined by NUL) of every process descended from <paramref name="pid"/>.</summary>
    public static IEnumerable<string> CommandLinesOf(int pid)
    {
        var children = Parents().ToLookup(p => p.Parent, p => p.Pid);
        var pending = new Queue<int>(children[pid]);
        while (pending.TryDequeue(out var child))
        {
            yield return Read(child, "cmdline");
            foreach (var grandchild in children[child])
            {
                pending.Enqueue(grandchild);
            }
        }
    }

    private static IEnumerable<(int Pid, int Parent)> Parents()
    {
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && Parent(Read(pid, "stat")) is { } parent)
            {
                yield return (pid, parent);
            }
        }
    }

    /// <summary>"pid (comm) state ppid …": the command name may hold spaces and parentheses, so fields count from its last ')'.</summary>
    private static int? Parent(string stat)
    {
        var fields = stat[(stat.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 1 && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parent) ? parent : null;
    }

    /// <summary>A process that ended while it was read has nothing to say.</summary>
    private static string Read(int pid, string file)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/{file}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
