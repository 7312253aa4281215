namespace OpenOrchestrator.Silo.Tests.Architecture;

/// <summary>
/// The Silo's folders depend one way (STYLE 15), and docs/architecture.md draws the graph they make.
/// With <c>OO_UPDATE_DOCS=1</c> the doc's graph is rewritten instead of compared.
/// </summary>
public sealed class FolderDependencyTests
{
    private const string GraphStart = "<!-- folder-graph:start -->";
    private const string GraphEnd = "<!-- folder-graph:end -->";

    private static readonly string Root = RepositoryRoot();

    [Fact]
    public void NoTwoFoldersUseEachOther()
    {
        var twoWay = FolderGraph.TwoWay(FolderGraph.Read(Path.Combine(Root, "OpenOrchestrator.Silo")));

        Assert.True(twoWay.Count == 0, $"These folders use each other: {string.Join(", ", twoWay)}. Move the shared type to the folder that owns its meaning.");
    }

    [Fact]
    public void ArchitectureDocDrawsTheFolderGraphAsItIs()
    {
        var graph = FolderGraph.Mermaid(FolderGraph.Read(Path.Combine(Root, "OpenOrchestrator.Silo")));
        var path = Path.Combine(Root, "docs", "architecture.md");
        var doc = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = doc.IndexOf(GraphStart, StringComparison.Ordinal);
        var end = doc.IndexOf(GraphEnd, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/architecture.md has no {GraphStart} … {GraphEnd} block.");

        var drawn = doc[(start + GraphStart.Length)..end].Trim();
        if (Environment.GetEnvironmentVariable("OO_UPDATE_DOCS") == "1")
        {
            var inner = start + GraphStart.Length;
            File.WriteAllText(path, doc.Remove(inner, end - inner).Insert(inner, $"\n{graph}\n"));
            return;
        }

        Assert.True(drawn == graph, $"docs/architecture.md draws another folder graph; run this test with OO_UPDATE_DOCS=1 to redraw it. Now:\n{graph}");
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OpenOrchestrator.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No OpenOrchestrator.sln above {AppContext.BaseDirectory}.");
    }
}
