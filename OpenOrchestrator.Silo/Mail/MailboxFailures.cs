using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;

namespace OpenOrchestrator.Silo.Mail;

/// <summary>Why a mailbox cannot be read, in a sentence a user can act on; the password never appears in it.</summary>
public static class MailboxFailures
{
    public static string Describe(Exception e, MailboxSettings settings)
    {
        var server = settings.Server;
        var text = e switch
        {
            Tools.BlockedAddressException => $"Connecting to {server} was {e.Message}.",
            AuthenticationException => $"The server {server} did not accept the username and password.",
            SslHandshakeException => $"No TLS connection to {server}: check the security setting (ssl, starttls or none) and the server's certificate.",
            FolderNotFoundException => $"The server {server} has no folder \"{settings.Folder}\".",
            ImapCommandException command when command.Response == ImapCommandResponse.No && e.Message.Contains("folder", StringComparison.OrdinalIgnoreCase) =>
                $"The server {server} did not open the folder \"{settings.Folder}\": {command.ResponseText}",
            ImapCommandException command => $"The server {server} refused: {command.ResponseText}",
            NotSupportedException when settings.Security == Contracts.ImapSecurities.StartTls => $"The server {server} does not offer STARTTLS: choose ssl or none.",
            NotSupportedException => $"The server {server} offers no way to log in that this client supports.",
            SocketException socket => $"Could not reach {server}: {socket.Message}",
            TimeoutException or OperationCanceledException => $"No answer from {server} in time.",
            ImapProtocolException or IOException => $"The server {server} broke off the connection ({e.Message}); is the security setting right for this port?",
            _ => $"Could not read the mailbox at {server}: {e.Message}",
        };
        return string.IsNullOrEmpty(settings.Password) ? text : text.Replace(settings.Password, "***", StringComparison.Ordinal);
    }
}
