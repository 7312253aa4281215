using System.Globalization;

namespace OpenOrchestrator.Silo.Documents;

/// <summary>What a bot's folder holds: the bytes of its files and how many files and folders there are.</summary>
public sealed record DocumentUsage(long Bytes, int Entries)
{
    /// <summary>True when nothing more fits: no byte or no entry left.</summary>
    public bool IsUsedUp(DocumentOptions limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return Bytes >= limits.QuotaBytes || Entries >= limits.MaxFiles;
    }

    public string Describe(DocumentOptions limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Bytes} of {limits.QuotaBytes} bytes and {Entries} of {limits.MaxFiles} files and folders");
    }
}
