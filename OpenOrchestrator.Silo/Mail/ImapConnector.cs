using MailKit;
using MailKit.Net.Imap;
using Microsoft.Extensions.Options;
using OpenOrchestrator.Silo.Tools;

namespace OpenOrchestrator.Silo.Mail;

/// <summary>
/// The one way to a mailbox, for the watcher and the settings' test alike: connect (through the network guard, as
/// tools do: a user's host may not reach private addresses unless allow-listed), log in, open the folder.
/// </summary>
public sealed class ImapConnector(NetworkGuard guard, IOptions<MailOptions> options)
{
    /// <summary>A client logged in with its folder open (read-write, to mark messages seen); the caller disposes the client.</summary>
    public async Task<(ImapClient Client, IMailFolder Folder)> OpenAsync(MailboxSettings settings, CancellationToken cancellationToken)
    {
        var client = new ImapClient { Timeout = options.Value.TimeoutSeconds * 1000 };
        try
        {
            using (var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                connecting.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
                var stream = await guard.ConnectAsync(settings.Host, settings.Port, connecting.Token);
                await client.ConnectAsync(stream, settings.Host, settings.Port, settings.SocketOptions, connecting.Token);
            }

            if (!string.IsNullOrEmpty(settings.Username))
            {
                await client.AuthenticateAsync(settings.Username, settings.Password ?? "", cancellationToken);
            }

            var folder = string.Equals(settings.Folder, "INBOX", StringComparison.OrdinalIgnoreCase)
                ? client.Inbox
                : await client.GetFolderAsync(settings.Folder, cancellationToken);
            await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
            return (client, folder);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}
