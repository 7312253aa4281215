using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace OpenOrchestrator.Silo.Models;

/// <summary>
/// Each provider's own model list, read with the server's key and kept for a while. A list that cannot be
/// read keeps the last one (or none) and is tried again on the next ask after a short pause; the first
/// ask waits a few seconds at most, later ones never wait: a stale list is answered while it is read again.
/// </summary>
public sealed partial class ProviderModelLists(ChatClients clients, IOptions<ModelOptions> options, TimeProvider time, ILogger<ProviderModelLists> logger)
{
    private static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, Entry> _entries = new();
    private int _version;

    /// <summary>Changes whenever a list was read: what is built from the lists is built again.</summary>
    public int Version => Volatile.Read(ref _version);

    public async Task<IReadOnlyList<string>> GetAsync(ModelProvider provider, CancellationToken cancellationToken)
    {
        if (provider.Kind == ProviderKind.AzureOpenAI || !provider.ServerConfigured)
        {
            return [];
        }

        var entry = _entries.GetOrAdd(provider.Name, _ => new Entry());
        var now = time.GetUtcNow();
        Task reading;
        lock (entry)
        {
            if (entry.Reading is null && now >= entry.DueAt)
            {
                entry.Reading = ReadAsync(provider, entry);
            }

            reading = entry.Reading ?? Task.CompletedTask;
        }

        if (entry.Ids is null)
        {
            await Task.WhenAny(reading, Task.Delay(FirstWait, cancellationToken));
        }

        return entry.Ids ?? [];
    }

    private async Task ReadAsync(ModelProvider provider, Entry entry)
    {
        await Task.Yield();
        var ok = false;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            entry.Ids = await clients.ListAsync(provider, provider.ServerKey ?? "none", timeout.Token);
            Interlocked.Increment(ref _version);
            ok = true;
        }
        catch (Exception e)
        {
            LogListFailed(provider.Name, e.GetType().Name, e.Message);
        }
        finally
        {
            lock (entry)
            {
                entry.DueAt = time.GetUtcNow() + (ok ? TimeSpan.FromMinutes(options.Value.ListRefreshMinutes) : RetryAfterFailure);
                entry.Reading = null;
            }
        }
    }

    private sealed class Entry
    {
        public volatile IReadOnlyList<string>? Ids;
        public DateTimeOffset DueAt;
        public Task? Reading;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The model list of {Provider} could not be read ({Error}: {Message}); its configured models are offered")]
    private partial void LogListFailed(string provider, string error, string message);
}
