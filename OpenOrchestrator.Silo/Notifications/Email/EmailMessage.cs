using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace OpenOrchestrator.Silo.Notifications.Email;

/// <summary>The MIME form of a notification: text and HTML as alternatives, a Message-Id stable across tries.</summary>
public static partial class EmailMessage
{
    public static MimeMessage Compose(OutgoingMessage message, MailboxAddress from, MailboxAddress to, DateTimeOffset date)
    {
        var email = new MimeMessage
        {
            Subject = message.Subject,
            Date = date,
            MessageId = MessageId(message.MessageId, from.Domain),
            Body = new MultipartAlternative
            {
                new TextPart(MimeKit.Text.TextFormat.Plain) { Text = message.Text },
                new TextPart(MimeKit.Text.TextFormat.Html) { Text = message.Html },
            },
        };
        email.From.Add(from);
        email.To.Add(to);
        if (!string.IsNullOrWhiteSpace(message.InReplyTo))
        {
            email.InReplyTo = message.InReplyTo;
            foreach (var id in MimeKit.Utils.MimeUtils.EnumerateReferences(message.References ?? message.InReplyTo))
            {
                email.References.Add(id);
            }
        }

        return email;
    }

    /// <summary>
    /// <c>local@domain</c> (the header adds the angle brackets): an id that already is one is kept, a plain
    /// token gets the sender's domain, anything else is hashed so that the same id always gives the same header.
    /// </summary>
    public static string MessageId(string id, string domain)
    {
        var bare = id.Trim().TrimStart('<').TrimEnd('>');
        var at = bare.LastIndexOf('@');
        if (at > 0 && DotAtom().IsMatch(bare[..at]) && DotAtom().IsMatch(bare[(at + 1)..]))
        {
            return bare;
        }

        var local = DotAtom().IsMatch(bare) ? bare : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
        return $"{local}@{domain}";
    }

    [GeneratedRegex(@"^[A-Za-z0-9_\-]+(\.[A-Za-z0-9_\-]+)*$")]
    private static partial Regex DotAtom();
}
