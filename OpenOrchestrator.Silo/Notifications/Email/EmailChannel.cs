using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using OpenOrchestrator.Contracts;

namespace OpenOrchestrator.Silo.Notifications.Email;

/// <summary>
/// Sends a notification as one e-mail (text and HTML alternatives) through the configured SMTP server,
/// one connection per try; failures become <see cref="DeliveryException"/>s that say whether a retry can help.
/// </summary>
public sealed partial class EmailChannel(IOptions<SmtpOptions> options, TimeProvider time, ILogger<EmailChannel> logger) : INotificationChannel
{
    public string Name => NotifyChannels.Email;

    public Task<string?> UnavailableForAsync(string ownerId, CancellationToken cancellationToken) =>
        Task.FromResult(options.Value.IsConfigured ? null : "E-mail is not set up on this server (Smtp__Host).");

    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        if (!smtp.IsConfigured || !EmailAddress.TryParse(smtp.From, out var from))
        {
            throw new DeliveryException("E-mail is not configured: set Smtp__Host and Smtp__From.", permanent: true);
        }

        if (!EmailAddress.TryParse(message.Recipient, out var to))
        {
            throw new DeliveryException($"\"{message.Recipient}\" is not an e-mail address.", permanent: true);
        }

        var email = EmailMessage.Compose(message, from, to, time.GetUtcNow());
        try
        {
            using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
            await client.ConnectAsync(smtp.Host, smtp.Port, SocketOptions(smtp.Security), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.Username))
            {
                await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", cancellationToken);
            }

            await client.SendAsync(email, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && Classify(e, smtp) is { } failure)
        {
            LogFailed(logger, message.MessageId, smtp.Host, smtp.Port, failure.Permanent, failure.Message);
            throw failure;
        }

        LogSent(logger, message.MessageId, smtp.Host, smtp.Port);
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };

    /// <summary>The server's word decides for commands (5xx permanent, 4xx later); an unreachable server is worth another try.</summary>
    private static DeliveryException? Classify(Exception e, SmtpOptions smtp)
    {
        var server = $"{smtp.Host}:{smtp.Port}";
        var (text, permanent) = e switch
        {
            SmtpCommandException command when (int)command.StatusCode >= 500 =>
                ($"The mail server refused: {(int)command.StatusCode} {command.Message}", true),
            SmtpCommandException command =>
                ($"The mail server asked to try later: {(int)command.StatusCode} {command.Message}", false),
            AuthenticationException =>
                ($"The mail server {server} did not accept the login of Smtp__Username and Smtp__Password.", true),
            SslHandshakeException =>
                ($"No TLS connection to the mail server {server}; check Smtp__Security and the server's certificate.", true),
            NotSupportedException =>
                ($"The mail server {server} offers no login; unset Smtp__Username or use another server.", true),
            SocketException or IOException or SmtpProtocolException or TimeoutException or OperationCanceledException or ServiceNotConnectedException =>
                ($"Could not reach the mail server {server}: {e.Message}", false),
            _ => (null, false),
        };
        if (text is null)
        {
            return null;
        }

        // A server that echoes what it was sent must not carry the password into a log or the outbox:
        // blank it out of the message, and leave out an inner exception that holds it.
        var leaks = !string.IsNullOrEmpty(smtp.Password) && e.ToString().Contains(smtp.Password, StringComparison.Ordinal);
        var safe = string.IsNullOrEmpty(smtp.Password) ? text : text.Replace(smtp.Password, "***", StringComparison.Ordinal);
        return new DeliveryException(safe, permanent, inner: leaks ? null : e);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail {MessageId} sent through {Host}:{Port}")]
    private static partial void LogSent(ILogger logger, string messageId, string host, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail {MessageId} not sent through {Host}:{Port} (permanent: {Permanent}): {Reason}")]
    private static partial void LogFailed(ILogger logger, string messageId, string host, int port, bool permanent, string reason);
}
