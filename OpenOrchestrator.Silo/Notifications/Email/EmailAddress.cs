using System.Diagnostics.CodeAnalysis;
using MimeKit;

namespace OpenOrchestrator.Silo.Notifications.Email;

/// <summary>One mailbox with a domain, <c>address</c> or <c>Name &lt;address&gt;</c>; lists and groups are not addresses here.</summary>
public static class EmailAddress
{
    private static readonly ParserOptions Strict = new() { AllowAddressesWithoutDomain = false };

    public static bool TryParse(string? text, [NotNullWhen(true)] out MailboxAddress? mailbox)
    {
        mailbox = null;
        if (string.IsNullOrWhiteSpace(text) || !InternetAddressList.TryParse(Strict, text, out var list) || list.Count != 1)
        {
            return false;
        }

        mailbox = list[0] as MailboxAddress;
        return mailbox is { Domain.Length: > 0, LocalPart.Length: > 0 };
    }
}
