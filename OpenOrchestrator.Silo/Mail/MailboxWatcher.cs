using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Accounts;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Mail;

/// <summary>
/// Keeps one <see cref="MailboxSession"/> per mailbox that has an enabled bot scheduled <c>mail</c>, on every silo
/// (the per-bot cause makes each message's run once however many read it), started again when its settings change
/// and stopped when no bot needs it. The set is read every <see cref="MailOptions.RefreshSeconds"/>.
/// </summary>
public sealed partial class MailboxWatcher(
    IDbContextFactory<OrchestratorDbContext> dbFactory, SecretStore secrets, IServiceProvider services, IOptions<MailOptions> options,
    TimeProvider time, ILogger<MailboxWatcher> logger) : BackgroundService
{
    private readonly Dictionary<string, Watch> _watching = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await RefreshAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    LogRefreshFailed(logger, e);
                }

                await Task.Delay(TimeSpan.FromSeconds(options.Value.RefreshSeconds), time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var watch in _watching.Values)
            {
                await watch.StopAsync();
            }

            _watching.Clear();
        }
    }

    private async Task RefreshAsync(CancellationToken stoppingToken)
    {
        List<MailboxRecord> boxes;
        await using (var db = await dbFactory.CreateDbContextAsync(stoppingToken))
        {
            boxes = await db.Mailboxes.AsNoTracking()
                .Where(m => db.Bots.Any(b => b.OwnerId == m.OwnerId && b.ScheduleKind == ScheduleKinds.Mail && b.Enabled))
                .ToListAsync(stoppingToken);
        }

        var wanted = boxes.ToDictionary(b => b.OwnerId);
        foreach (var (owner, watch) in _watching.ToList())
        {
            if (!wanted.TryGetValue(owner, out var box) || box.UpdatedAt != watch.Version || watch.Running.IsCompleted)
            {
                await watch.StopAsync();
                _watching.Remove(owner);
            }
        }

        foreach (var box in boxes.Where(b => !_watching.ContainsKey(b.OwnerId)))
        {
            var session = services.GetRequiredService<MailboxSession>();
            var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            async Task<MailboxSettings> ReadAsync(CancellationToken cancellationToken) =>
                MailboxSettings.Of(box, await secrets.GetAsync(box.OwnerId, SecretNames.ImapPassword, cancellationToken));
            _watching[box.OwnerId] = new Watch(box.UpdatedAt, stop, Task.Run(() => session.RunAsync(box.OwnerId, ReadAsync, stop.Token), CancellationToken.None));
        }
    }

    private sealed record Watch(DateTime Version, CancellationTokenSource Stop, Task Running)
    {
        public async Task StopAsync()
        {
            await Stop.CancelAsync();
            try
            {
                await Running;
            }
            catch (OperationCanceledException)
            {
            }

            Stop.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The mailboxes to watch could not be read")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
