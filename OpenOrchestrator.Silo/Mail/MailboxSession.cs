using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.Extensions.Options;
using MimeKit;

namespace OpenOrchestrator.Silo.Mail;

/// <summary>
/// Reads one user's mailbox until stopped: the unread messages, each handed on and only then marked seen; then
/// IDLE until the server says something arrived (polling where it has no IDLE). A failure is stored for settings
/// and the connection tried again, 1 s later and doubling up to <see cref="MailOptions.RetryMaxSeconds"/>.
/// </summary>
public sealed partial class MailboxSession(
    ImapConnector connector, MailDelivery delivery, MailboxStatus status, IOptions<MailOptions> options, TimeProvider time, ILogger<MailboxSession> logger)
{
    /// <summary>Reads until <paramref name="stop"/>; the settings are read again for every connection (a password changed on another silo).</summary>
    public async Task RunAsync(string ownerId, Func<CancellationToken, Task<MailboxSettings>> read, CancellationToken stop)
    {
        var failures = 0;
        while (!stop.IsCancellationRequested)
        {
            MailboxSettings? settings = null;
            try
            {
                settings = await read(stop);
                var (client, folder) = await connector.OpenAsync(settings, stop);
                using (client)
                {
                    // The server may announce a new message during any command, not only while idling.
                    var wake = new Wakeup();
                    folder.CountChanged += (_, _) => wake.Set();
                    while (!stop.IsCancellationRequested)
                    {
                        wake.Pending = false;
                        await ReadNewAsync(ownerId, settings, folder, stop);
                        await status.CheckedAsync(ownerId, stop);
                        failures = 0;
                        await WaitAsync(client, wake, stop);
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                var problem = settings is null ? $"The mailbox's settings could not be read: {e.Message}" : MailboxFailures.Describe(e, settings);
                LogFailed(logger, ownerId, failures, problem);
                try
                {
                    await status.FailedAsync(ownerId, problem, CancellationToken.None);
                }
                catch (Exception statusFailure)
                {
                    // The database may be what failed: the reader goes on trying either way.
                    LogStatusNotStored(logger, ownerId, statusFailure);
                }

                var wait = TimeSpan.FromSeconds(Math.Min(options.Value.RetryMaxSeconds, Math.Pow(2, Math.Min(failures - 1, 20))));
                try
                {
                    await Task.Delay(wait, time, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task ReadNewAsync(string ownerId, MailboxSettings settings, IMailFolder folder, CancellationToken stop)
    {
        var unread = await folder.SearchAsync(SearchQuery.NotSeen, stop);
        if (unread.Count == 0)
        {
            return;
        }

        var summaries = await folder.FetchAsync(unread, MessageSummaryItems.UniqueId | MessageSummaryItems.Size, stop);
        foreach (var summary in summaries.OrderBy(s => s.UniqueId))
        {
            var fallbackId = IncomingMail.DerivedMessageId(folder.UidValidity, summary.UniqueId.Id, settings.ToString());
            IncomingMail mail;
            try
            {
                mail = summary.Size > options.Value.MaxMessageBytes
                    ? IncomingMail.FromHeaders(await folder.GetHeadersAsync(summary.UniqueId, stop), summary.Size ?? 0, fallbackId)
                    : IncomingMail.From(await folder.GetMessageAsync(summary.UniqueId, stop), fallbackId, options.Value.MaxTextChars);
            }
            catch (Exception e) when (e is ParseException or FormatException or ArgumentException or InvalidOperationException)
            {
                // A message that cannot be read must not hold up those after it: it is marked seen and flagged for the user.
                LogUnreadable(logger, ownerId, summary.UniqueId.Id, e.Message);
                await folder.AddFlagsAsync(summary.UniqueId, MessageFlags.Seen | MessageFlags.Flagged, silent: true, stop);
                continue;
            }

            if (mail.MessageId == fallbackId)
            {
                LogNoMessageId(logger, ownerId, summary.UniqueId.Id);
            }

            if (await delivery.DeliverAsync(ownerId, mail, stop))
            {
                await folder.AddFlagsAsync(summary.UniqueId, MessageFlags.Seen, silent: true, stop);
            }
        }
    }

    /// <summary>
    /// Until the folder's message count changes (IDLE) or a poll interval passes (without IDLE); not at all when
    /// a change came meanwhile; never longer than an IDLE lasts.
    /// </summary>
    private async Task WaitAsync(ImapClient client, Wakeup wake, CancellationToken stop)
    {
        if (wake.Pending)
        {
            return;
        }

        if (!client.Capabilities.HasFlag(ImapCapabilities.Idle))
        {
            await Task.Delay(TimeSpan.FromSeconds(options.Value.PollSeconds), time, stop);
            await client.NoOpAsync(stop);
            return;
        }

        using var done = CancellationTokenSource.CreateLinkedTokenSource(stop);
        done.CancelAfter(TimeSpan.FromMinutes(options.Value.IdleMinutes));
        wake.Idle = done;
        try
        {
            await client.IdleAsync(done.Token, stop);
        }
        finally
        {
            wake.Idle = null;
        }
    }

    /// <summary>Set when the server announced a change of the folder's message count; ends an IDLE under way.</summary>
    private sealed class Wakeup
    {
        public bool Pending { get; set; }

        public CancellationTokenSource? Idle { get; set; }

        public void Set()
        {
            Pending = true;
            Idle?.Cancel();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox of {OwnerId} not read (failure {Failures}): {Problem}")]
    private static partial void LogFailed(ILogger logger, string ownerId, int failures, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The mailbox error of {OwnerId} could not be stored")]
    private static partial void LogStatusNotStored(ILogger logger, string ownerId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {Uid} in the mailbox of {OwnerId} cannot be read, marked seen and flagged: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string ownerId, uint uid, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {Uid} in the mailbox of {OwnerId} has no Message-ID: one is derived from the folder's UIDVALIDITY and the UID")]
    private static partial void LogNoMessageId(ILogger logger, string ownerId, uint uid);
}
