namespace OpenOrchestrator.Testing;

/// <summary>Data directories for the apps and silos the tests start.</summary>
public static class TempDirectory
{
    /// <summary>
    /// A new folder others may pass through, as a server's data folder is (not 0700 as the system makes it): a server
    /// running as root runs the code tool as another user, which must reach the bots' folders inside.
    /// </summary>
    public static string Create(string prefix)
    {
        var folder = Directory.CreateTempSubdirectory(prefix);
        if (!OperatingSystem.IsWindows())
        {
            folder.UnixFileMode |= UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        }

        return folder.FullName;
    }

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
