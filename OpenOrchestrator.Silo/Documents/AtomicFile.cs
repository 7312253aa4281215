namespace OpenOrchestrator.Silo.Documents;

/// <summary>Replaces a file by moving a fully written temporary file over it.</summary>
internal static class AtomicFile
{
    public static async Task WriteAsync(string stagingFolder, string target, byte[] bytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(stagingFolder);
        var temporary = Path.Join(stagingFolder, $"{Guid.NewGuid():N}.tmp");
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            // Gone already after a successful move; otherwise nothing half-written stays behind.
            File.Delete(temporary);
        }
    }
}
