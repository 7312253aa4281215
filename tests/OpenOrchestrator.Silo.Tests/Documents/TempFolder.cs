namespace OpenOrchestrator.Silo.Tests.Documents;

/// <summary>A fresh folder under the system temp folder, removed (links unfollowed) afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Join(System.IO.Path.GetTempPath(), "oo-docs-" + Guid.NewGuid().ToString("N"));

    public string Sub(string name) => Directory.CreateDirectory(System.IO.Path.Join(Path, name)).FullName;

    /// <summary>Every file under the folder, relative, '/' separated, sorted.</summary>
    public IEnumerable<string> AllFiles() => Directory
        .EnumerateFiles(Path, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
        .Select(file => System.IO.Path.GetRelativePath(Path, file).Replace('\\', '/'))
        .Order(StringComparer.Ordinal);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
