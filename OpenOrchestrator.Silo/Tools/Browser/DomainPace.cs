using System.Collections.Concurrent;

namespace OpenOrchestrator.Silo.Tools.Browser;

/// <summary>Spaces one bot's page loads on one domain by <see cref="BrowserOptions.SecondsPerDomain"/>.</summary>
public sealed class DomainPace(BrowserOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<(string Bot, string Domain), DateTimeOffset> _next = new();

    /// <summary>Waits for the bot's turn on the URL's domain and takes it.</summary>
    public Task WaitAsync(string botId, Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var gap = TimeSpan.FromSeconds(options.SecondsPerDomain);
        var now = time.GetUtcNow();
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
}
