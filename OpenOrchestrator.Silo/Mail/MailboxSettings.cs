using MailKit.Security;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Mail;

/// <summary>Where a mailbox is and how to log in; <see cref="Password"/> is a secret, never logged or shown.</summary>
public sealed record MailboxSettings(string Host, int Port, string? Username, string? Password, string Folder, string Security)
{
    public static MailboxSettings Of(MailboxRecord box, string? password) =>
        new(box.Host, box.Port, box.Username, password, box.Folder, box.Security);

    public SecureSocketOptions SocketOptions => Security switch
    {
        ImapSecurities.None => SecureSocketOptions.None,
        ImapSecurities.Ssl => SecureSocketOptions.SslOnConnect,
        ImapSecurities.StartTls => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.Auto,
    };

    public string Server => $"{Host}:{Port}";

    public override string ToString() => $"{Username}@{Server}/{Folder}";
}
