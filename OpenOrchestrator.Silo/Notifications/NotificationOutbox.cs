using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Hosting;
using OpenOrchestrator.Silo.Live;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Notifications;

/// <summary>
/// Sends what the deliveries table holds (DESIGN D7: at most once). A silo claims a row by moving
/// it from pending to sending in one conditional update, so two silos never send the same row;
/// a failed try goes back to pending with a growing wait (or the service's retry-after), and
/// after the last try it is failed, which the owner is told in the bell. A row a crash left in
/// sending is not sent again (it may have gone out): it ends failed with that reason.
/// </summary>
public sealed partial class NotificationOutbox(
    IDbContextFactory<OrchestratorDbContext> dbFactory,
    IEnumerable<INotificationChannel> channels,
    NotificationQueries views,
    LivePublisher live,
    TimeProvider time,
    IOptions<NotificationOptions> options,
    ILogger<NotificationOutbox> logger) : BackgroundService
{
    public const string Interrupted = "interrupted while sending; not sent again, so that it cannot arrive twice";

    private readonly Dictionary<string, INotificationChannel> _channels = channels.ToDictionary(c => c.Name);
    /// <summary>At most one pending wake-up: however many rows arrive during a pass, the next pass sends them all.</summary>
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>The span each delivery was added under (a run's trace), so its tries join that trace; this silo's additions only.</summary>
    private readonly ConcurrentDictionary<long, ActivityContext> _traces = new();

    public static DeliveryRecord NewDelivery(NotificationRecord notification, string channel, string? recipient) => new()
    {
        OwnerId = notification.OwnerId,
        Channel = channel,
        Recipient = recipient,
        Status = DeliveryStatuses.Pending,
        NextAttemptAt = notification.CreatedAt,
        CreatedAt = notification.CreatedAt,
    };

    /// <summary>After new rows are saved: the owner's bell hears of them, and this silo sends them now.</summary>
    public void Added(NotificationRecord notification)
    {
        Announce(notification);
        if (System.Diagnostics.Activity.Current?.Context is { } trace && _traces.Count < 10_000)
        {
            foreach (var delivery in notification.Deliveries)
            {
                _traces[delivery.Id] = trace;
            }
        }

        if (notification.Deliveries.Count > 0)
        {
            _wake.Writer.TryWrite(true);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            DateTime? next = null;
            try
            {
                await EndAbandonedAsync(stoppingToken);
                next = await SendDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogOutboxFailed(e);
            }

            await WaitAsync(next, stoppingToken);
        }
    }

    /// <summary>Until the next row falls due, this silo adds one, or it is time to look for rows other silos wrote.</summary>
    private async Task WaitAsync(DateTime? next, CancellationToken stoppingToken)
    {
        var poll = options.Value.PollInterval;
        var wait = next is null ? poll : next.Value - time.GetUtcNow().UtcDateTime;
        wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait > poll ? poll : wait;
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timer.CancelAfter(wait);
        try
        {
            await _wake.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException)
        {
            // Due, or stopping: the loop knows which.
        }
    }

    /// <summary>Sends every due row; returns when the next pending row falls due, if any.</summary>
    private async Task<DateTime?> SendDueAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            var now = time.GetUtcNow().UtcDateTime;
            List<long> due;
            await using (var db = await dbFactory.CreateDbContextAsync(stoppingToken))
            {
                due = await db.Deliveries.AsNoTracking()
                    .Where(d => d.Status == DeliveryStatuses.Pending && d.NextAttemptAt <= now)
                    .OrderBy(d => d.NextAttemptAt).Select(d => d.Id).Take(50).ToListAsync(stoppingToken);
                if (due.Count == 0)
                {
                    var pending = await db.Deliveries.AsNoTracking().Where(d => d.Status == DeliveryStatuses.Pending)
                        .OrderBy(d => d.NextAttemptAt).Select(d => (DateTime?)d.NextAttemptAt).FirstOrDefaultAsync(stoppingToken);
                    return pending;
                }
            }

            foreach (var id in due)
            {
                // A send already begun is finished even while the host stops: cut short, it could arrive and still count as unsent.
                await TrySendAsync(id);
                if (stoppingToken.IsCancellationRequested)
                {
                    return null;
                }
            }
        }
    }

    private async Task TrySendAsync(long id)
    {
        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync();
        var claimed = await db.Deliveries
            .Where(d => d.Id == id && d.Status == DeliveryStatuses.Pending && d.NextAttemptAt <= now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, DeliveryStatuses.Sending)
                .SetProperty(d => d.LeaseUntil, now + settings.SendTimeout * 2)
                .SetProperty(d => d.Attempts, d => d.Attempts + 1));
        if (claimed == 0)
        {
            return;
        }

        var delivery = await db.Deliveries.SingleAsync(d => d.Id == id);
        var notification = await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == delivery.NotificationId);
        using var span = Telemetry.Source.StartActivity($"notify {delivery.Channel}", ActivityKind.Producer, _traces.GetValueOrDefault(id))?
            .SetTag("openorchestrator.delivery.id", delivery.Id)
            .SetTag("openorchestrator.delivery.attempt", delivery.Attempts)
            .SetTag("openorchestrator.run.id", notification.RunId);
        var failure = await SendAsync(db, delivery, notification);
        var done = time.GetUtcNow().UtcDateTime;
        delivery.LeaseUntil = null;
        NotificationRecord? failedNotice = null;
        if (failure is null)
        {
            delivery.Status = DeliveryStatuses.Sent;
            delivery.SentAt = done;
            delivery.LastError = null;
        }
        else if (failure.Permanent || delivery.Attempts >= settings.MaxAttempts)
        {
            delivery.Status = DeliveryStatuses.Failed;
            delivery.LastError = failure.Message;
            failedNotice = FailedNotice(notification, delivery, done);
            db.Notifications.Add(failedNotice);
        }
        else
        {
            delivery.Status = DeliveryStatuses.Pending;
            delivery.LastError = failure.Message;
            delivery.NextAttemptAt = done + Backoff(delivery.Attempts, failure.RetryAfter, settings);
        }

        await db.SaveChangesAsync();
        span?.SetTag("openorchestrator.delivery.status", delivery.Status)
            .SetStatus(failure is null ? ActivityStatusCode.Ok : ActivityStatusCode.Error);
        if (delivery.Status != DeliveryStatuses.Pending)
        {
            _traces.TryRemove(id, out _);
        }

        if (failure is not null)
        {
            LogTryFailed(delivery.Channel, delivery.Id, delivery.Attempts, delivery.Status, failure.Message);
        }

        Announce(notification);
        if (failedNotice is not null)
        {
            Announce(failedNotice);
        }
    }

    /// <summary>One try; null when it went out, else why not. Recipients are read now, so a changed setting applies to the next try.</summary>
    private async Task<DeliveryException?> SendAsync(OrchestratorDbContext db, DeliveryRecord delivery, NotificationRecord notification)
    {
        if (!_channels.TryGetValue(delivery.Channel, out var channel))
        {
            return new DeliveryException($"No '{delivery.Channel}' channel on this server.", permanent: true);
        }

        var recipient = delivery.Recipient ?? await db.Users.AsNoTracking()
            .Where(u => u.Id == delivery.OwnerId)
            .Select(u => delivery.Channel == NotifyChannels.Telegram ? u.TelegramChatId : u.NotifyEmail)
            .SingleOrDefaultAsync();
        if (string.IsNullOrWhiteSpace(recipient))
        {
            return new DeliveryException(delivery.Channel == NotifyChannels.Telegram
                ? "No Telegram chat linked: link one in Settings."
                : "No e-mail address in Settings.", permanent: true);
        }

        using var timeout = new CancellationTokenSource(options.Value.SendTimeout, time);
        try
        {
            await channel.SendAsync(new OutgoingMessage(delivery.OwnerId, recipient, notification.Title, notification.Text, notification.Html, $"oo-{delivery.Id}") { InReplyTo = notification.InReplyTo, References = notification.References }, timeout.Token);
            return null;
        }
        catch (DeliveryException e)
        {
            return e;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return new DeliveryException($"No answer within {options.Value.SendTimeout.TotalSeconds:0} s.");
        }
        catch (Exception e)
        {
            // Not a channel's own error: its message is not known to be free of secrets, so only its type is kept.
            return new DeliveryException($"Unexpected error ({e.GetType().Name}).");
        }
    }

    internal static TimeSpan Backoff(int attempts, TimeSpan? retryAfter, NotificationOptions settings)
    {
        var exponential = settings.RetryBase * Math.Pow(2, Math.Min(attempts - 1, 20));
        var wait = exponential > settings.MaxRetryDelay ? settings.MaxRetryDelay : exponential;
        return retryAfter is { } asked && asked > wait ? (asked > TimeSpan.FromDays(1) ? TimeSpan.FromDays(1) : asked) : wait;
    }

    private static NotificationRecord FailedNotice(NotificationRecord about, DeliveryRecord delivery, DateTime now)
    {
        var channel = delivery.Channel == NotifyChannels.Telegram ? "Telegram message" : "E-mail";
        var title = $"{channel} not delivered: {about.Title}";
        var text = $"{title}\n\n{delivery.LastError} ({(delivery.Attempts == 1 ? "1 try" : $"{delivery.Attempts} tries")})";
        return new NotificationRecord
        {
            OwnerId = about.OwnerId,
            BotId = about.BotId,
            RunId = about.RunId,
            Kind = NotificationKinds.DeliveryFailed,
            Key = $"delivery:{delivery.Id}",
            Title = title,
            Text = text,
            Html = Digest.TextPage(title, text),
            CreatedAt = now,
        };
    }

    /// <summary>Rows left in sending by a silo that died while sending end failed, not sent twice.</summary>
    private async Task EndAbandonedAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var abandoned = await db.Deliveries.Where(d => d.Status == DeliveryStatuses.Sending && d.LeaseUntil < now).ToListAsync(cancellationToken);
        if (abandoned.Count == 0)
        {
            return;
        }

        var notices = new List<NotificationRecord>();
        foreach (var delivery in abandoned)
        {
            delivery.Status = DeliveryStatuses.Failed;
            delivery.LeaseUntil = null;
            delivery.LastError = Interrupted;
            var about = await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == delivery.NotificationId, cancellationToken);
            notices.Add(FailedNotice(about, delivery, now));
        }

        db.Notifications.AddRange(notices);
        await db.SaveChangesAsync(cancellationToken);
        notices.ForEach(Announce);
    }

    /// <summary>The owner's bell hears of it, with its view read off the caller's flow (a grain's turn, say).</summary>
    private void Announce(NotificationRecord notification) => _ = Task.Run(async () =>
    {
        try
        {
            if (await views.GetAsync(notification.OwnerId, notification.Id) is { } view)
            {
                live.Publish(LiveEvent.Told(notification.OwnerId, view));
            }
        }
        catch (Exception e)
        {
            LogAnnounceFailed(e, notification.Id);
        }
    });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {NotificationId} not announced live")]
    private partial void LogAnnounceFailed(Exception exception, long notificationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel} delivery {DeliveryId}, try {Attempt}: {Status}: {Reason}")]
    private partial void LogTryFailed(string channel, long deliveryId, int attempt, string status, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The notification outbox failed; it looks again shortly")]
    private partial void LogOutboxFailed(Exception exception);
}
