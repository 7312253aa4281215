namespace OpenOrchestrator.Testing;

/// <summary>Data directories for the apps and silos the tests start.</summary>
public static class TempDirectory
{
    public static string Create(string prefix) => Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>Removes the folder; one with a file still held open on the way down is left to the OS.</summary>
    public static void DeleteQuietly(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
