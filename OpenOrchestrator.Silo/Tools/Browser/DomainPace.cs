using System.Collections.Concurrent;

namespace OpenOrchestrator.Silo.Tools.Browser;

/// <summary>Spaces one bot's page loads on one domain by <see cref="BrowserOptions.SecondsPerDomain"/>.</summary>
public sealed class DomainPace(BrowserOptions options, TimeProvider time)
{
    // Past this many bot-and-domain pairs, those whose turn has come are dropped: they make no one wait.
    private const int PruneAbove = 1_000;

    private readonly ConcurrentDictionary<(string Bot, string Domain), DateTimeOffset> _next = new();

    /// <summary>The bot-and-domain pairs remembered.</summary>
    internal int Count => _next.Count;

    /// <summary>Waits for the bot's turn on the URL's domain and takes it.</summary>
    public Task WaitAsync(string botId, Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (options.SecondsPerDomain <= 0)
        {
            return Task.CompletedTask;
        }

        var gap = TimeSpan.FromSeconds(options.SecondsPerDomain);
        var now = time.GetUtcNow();
        if (_next.Count > PruneAbove)
        {
            Prune(now);
        }

        var turn = now;
        // Each caller reserves the slot after the last one, so concurrent loads line up instead of racing.
        _next.AddOrUpdate((botId, url.IdnHost), now + gap, (_, next) =>
        {
            turn = next > now ? next : now;
            return turn + gap;
        });
        var delay = turn - now;
        return delay > TimeSpan.Zero ? Task.Delay(delay, time, cancellationToken) : Task.CompletedTask;
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var entry in _next)
        {
            if (entry.Value <= now)
            {
                // Removed only as read: a caller may have just taken a later turn.
                _next.TryRemove(entry);
            }
        }
    }
}
