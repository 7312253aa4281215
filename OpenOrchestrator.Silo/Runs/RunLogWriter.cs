using System.Threading.Channels;
using OpenOrchestrator.Silo.Live;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Runs;

/// <summary>
/// Stores the log lines of running runs in batches: every <see cref="Linger"/>, one insert for the
/// lines all runs have gathered since. The lines a run has when it ends are not written here: they
/// go with its outcome, in the outcome's commit (<see cref="RunContext.TakeRest"/>), so a run's log
/// is complete when it is reported finished, and a short run costs no batch of its own.
/// </summary>
public sealed partial class RunLogWriter(GroupCommit commits, LivePublisher live, ILogger<RunLogWriter> logger) : BackgroundService
{
    private const int MaxRunsPerBatch = 200;

    /// <summary>How long lines wait for company before they are written.</summary>
    private static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(50);

    private readonly Channel<RunContext> _runs = Channel.CreateUnbounded<RunContext>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>A run has a new line: it is sent live at once (the browser does not wait for the disk) and stored with the next batch.</summary>
    public void Added(RunContext run, RunLogRecord line)
    {
        _runs.Writer.TryWrite(run);
        live.Publish(LiveEvent.Logged(run.Ticket.OwnerId, run.BotId, line.RunId, line.ToLine()));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Drain what is queued: a graceful stop loses no line.
        _runs.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var runs = new HashSet<RunContext>();
        while (await _runs.Reader.WaitToReadAsync(CancellationToken.None))
        {
            await Task.Delay(Linger, CancellationToken.None);
            while (runs.Count < MaxRunsPerBatch && _runs.Reader.TryRead(out var run))
            {
                runs.Add(run);
            }

            var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var batch = runs.SelectMany(run => run.TakeForBatch(written.Task)).ToList();
            runs.Clear();
            await WriteAsync(batch);
            written.TrySetResult();
        }
    }

    /// <summary>Stores lines in one commit (shared with the runs' starts and ends that arrive with them); failures are logged, not thrown (a log line never fails its run).</summary>
    public async Task WriteAsync(IReadOnlyList<RunLogRecord> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        try
        {
            await commits.SaveAsync(rows => rows.Insert(lines));
        }
        catch (Exception e)
        {
            LogWriteFailed(e, lines.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store {Count} run log lines")]
    private partial void LogWriteFailed(Exception exception, int count);
}
