using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Live;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Runs;

/// <summary>
/// Writes the log lines of all runs in batches: one insert per batch instead of one per line. A run
/// flushes before its outcome is stored, so its log is complete when it is reported finished.
/// </summary>
public sealed partial class RunLogWriter(IDbContextFactory<OrchestratorDbContext> dbFactory, LivePublisher live, ILogger<RunLogWriter> logger) : BackgroundService
{
    private const int MaxBatch = 500;

    /// <summary>How long lines wait for company before they are written, unless a run flushes.</summary>
    private static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(50);

    private readonly Channel<Entry> _queue = Channel.CreateUnbounded<Entry>(new UnboundedChannelOptions { SingleReader = true });
    private volatile TaskCompletionSource _flushRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Queues the line for the next batch and sends it live at once: the browser does not wait for the disk.</summary>
    public void Append(RunLogRecord line, string ownerId, string botId)
    {
        _queue.Writer.TryWrite(new Entry(line, null));
        live.Publish(new LiveEvent(LiveHub.RunLog, ownerId, botId, line.RunId, Line: new RunLogLine(line.Seq, line.At.Utc(), line.Kind, line.Message)));
    }

    /// <summary>Completes once every line appended before it is stored.</summary>
    public Task FlushAsync()
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(new Entry(null, flushed)))
        {
            return Task.CompletedTask;
        }

        _flushRequested.TrySetResult();
        return flushed.Task;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Drain what is queued: a graceful stop loses no line.
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<RunLogRecord>();
        var waiters = new List<TaskCompletionSource>();
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            await Task.WhenAny(_flushRequested.Task, Task.Delay(Linger, CancellationToken.None));
            _flushRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var entry))
            {
                if (entry.Line is { } line) batch.Add(line);
                else waiters.Add(entry.Flushed!);
            }

            await WriteAsync(batch);
            batch.Clear();
            waiters.ForEach(w => w.TrySetResult());
            waiters.Clear();
        }
    }

    private async Task WriteAsync(List<RunLogRecord> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            db.RunLog.AddRange(batch);
            await db.SaveChangesAsync();
        }
        catch (Exception e)
        {
            LogWriteFailed(e, batch.Count);
        }
    }

    private readonly record struct Entry(RunLogRecord? Line, TaskCompletionSource? Flushed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store {Count} run log lines")]
    private partial void LogWriteFailed(Exception exception, int count);
}
