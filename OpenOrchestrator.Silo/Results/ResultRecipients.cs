using System.Net.Mail;

namespace OpenOrchestrator.Silo.Results;

/// <summary>A draft's recipient: kept in the result's metadata, mailed the approved draft.</summary>
public static class ResultRecipients
{
    public const string Key = "to";

    public static bool IsAddress(string value) =>
        value.Trim() is { Length: > 0 and <= 254 } address && MailAddress.TryCreate(address, out var parsed) && parsed.Address == address;
}
