using System.Threading.Channels;

namespace OpenOrchestrator.Silo.Live;

/// <summary>
/// Hands events to their owners' live grains without waiting: live updates never slow a run. An
/// event after a quiet spell goes at once; events published within <see cref="Gap"/> of the last
/// send go together, one call per owner, in the order they were published. A run publishes a dozen
/// (its start, each log line, each result, its end), and a grain call each cost its silo more than
/// the run's own steps between them.
/// </summary>
public sealed partial class LivePublisher(IGrainFactory grains, ILogger<LivePublisher> logger) : BackgroundService
{
    public static readonly TimeSpan Gap = TimeSpan.FromMilliseconds(10);

    private readonly Channel<LiveEvent> _events = Channel.CreateUnbounded<LiveEvent>(new UnboundedChannelOptions { SingleReader = true });

    public void Publish(LiveEvent liveEvent) => _events.Writer.TryWrite(liveEvent);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // What is queued still goes: a graceful stop loses no event.
        _events.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<LiveEvent>();
        while (await _events.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (_events.Reader.TryRead(out var liveEvent))
            {
                batch.Add(liveEvent);
            }

            foreach (var owner in batch.GroupBy(e => e.OwnerId))
            {
                try
                {
                    grains.GetGrain<IUserLiveGrain>(owner.Key).PublishAsync(owner.ToArray()).Ignore();
                }
                catch (Exception e)
                {
                    // Not sent (the silo is stopping, say): the next batch still goes.
                    LogPublishFailed(e, owner.Count());
                }
            }

            batch.Clear();
            await Task.Delay(Gap, CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} live event(s) could not be handed to their owner's live grain")]
    private partial void LogPublishFailed(Exception exception, int count);
}
