using System.Text;
using System.Text.RegularExpressions;

namespace OpenOrchestrator.Silo.Tests.Architecture;

/// <summary>
/// Which of the Silo's top-level folders each folder uses: a <c>using OpenOrchestrator.Silo.X;</c> or a name
/// qualified with <c>OpenOrchestrator.Silo.X.</c> in any of its files. Names of its own namespace are not a use.
/// </summary>
public static partial class FolderGraph
{
    public static SortedDictionary<string, SortedSet<string>> Read(string siloFolder)
    {
        var folders = new DirectoryInfo(siloFolder).GetDirectories()
            .Select(d => d.Name)
            .Where(name => name is not ("bin" or "obj") && Sources(Path.Combine(siloFolder, name)).Any())
            .ToHashSet(StringComparer.Ordinal);
        var graph = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            var uses = graph[folder] = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var file in Sources(Path.Combine(siloFolder, folder)))
            {
                var code = NamespaceLine().Replace(File.ReadAllText(file), "");
                foreach (Match use in SiloName().Matches(code))
                {
                    var used = use.Groups[1].Value;
                    if (used != folder && folders.Contains(used))
                    {
                        uses.Add(used);
                    }
                }
            }
        }

        return graph;
    }

    /// <summary>The folder pairs that use each other, as "A ↔ B" with A first by name.</summary>
    public static IReadOnlyList<string> TwoWay(SortedDictionary<string, SortedSet<string>> graph) =>
    [
        .. graph.SelectMany(user => user.Value
            .Where(used => string.CompareOrdinal(user.Key, used) < 0 && graph[used].Contains(user.Key))
            .Select(used => $"{user.Key} ↔ {used}")),
    ];

    public static string Mermaid(SortedDictionary<string, SortedSet<string>> graph)
    {
        var text = new StringBuilder("```mermaid\nflowchart TD\n");
        foreach (var (folder, uses) in graph)
        {
            if (uses.Count == 0 && !graph.Values.Any(u => u.Contains(folder)))
            {
                text.Append("    ").Append(folder).Append('\n');
            }

            foreach (var used in uses)
            {
                text.Append("    ").Append(folder).Append(" --> ").Append(used).Append('\n');
            }
        }

        return text.Append("```").ToString();
    }

    private static IEnumerable<string> Sources(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Where(file => !IsSkipped(Path.GetRelativePath(folder, file)));

    /// <summary>Build output, and the migrations EF Core generates.</summary>
    private static bool IsSkipped(string relative) =>
        relative.Split(Path.DirectorySeparatorChar) is var parts
        && (parts.Contains("bin") || parts.Contains("obj") || parts.Contains("Migrations"));

    [GeneratedRegex(@"^\s*namespace\s+[\w.]+\s*;", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"\bOpenOrchestrator\.Silo\.(\w+)")]
    private static partial Regex SiloName();
}
