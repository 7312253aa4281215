using System.Text.Json;
using Microsoft.Playwright;

namespace OpenOrchestrator.Bench;

/// <summary>
/// What a page fetched, as Chromium's network layer reports it over CDP: every request, the bytes its response took
/// on the wire (<c>Network.loadingFinished</c> encodedDataLength: compressed as sent, 0 when the cache answered) and
/// the Content-Encoding the server chose. The hub's WebSocket is not a request here.
/// </summary>
public sealed class NetworkTally
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Fetch> _fetches = [];

    private sealed class Fetch(string url)
    {
        public string Url { get; } = url;
        public string? Encoding { get; set; }
        public long Bytes { get; set; }
    }

    /// <summary>One response: its path, its bytes on the wire, its Content-Encoding (null: sent as is).</summary>
    public sealed record Fetched(string Path, long Bytes, string? Encoding);

    public static async Task<NetworkTally> AttachAsync(IBrowserContext context, IPage page)
    {
        var tally = new NetworkTally();
        var session = await context.NewCDPSessionAsync(page);
        session.Event("Network.requestWillBeSent").OnEvent += (_, e) => tally.OnRequest(e);
        session.Event("Network.responseReceived").OnEvent += (_, e) => tally.OnResponse(e);
        session.Event("Network.loadingFinished").OnEvent += (_, e) => tally.OnFinished(e);
        await session.SendAsync("Network.enable");
        return tally;
    }

    public IReadOnlyList<Fetched> Snapshot()
    {
        lock (_lock)
        {
            return [.. _fetches.Values.Select(f => new Fetched(new Uri(f.Url).PathAndQuery, f.Bytes, f.Encoding))];
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _fetches.Clear();
        }
    }

    private void OnRequest(JsonElement? e)
    {
        if (e is not { } args || args.GetProperty("request").GetProperty("url").GetString() is not { } url || !url.StartsWith("http", StringComparison.Ordinal))
        {
            return; // The inline icon (a data: URL) costs no request.
        }

        lock (_lock)
        {
            _fetches.TryAdd(args.GetProperty("requestId").GetString()!, new Fetch(url));
        }
    }

    private void OnResponse(JsonElement? e)
    {
        if (e is not { } args)
        {
            return;
        }

        var encoding = args.GetProperty("response").GetProperty("headers").EnumerateObject()
            .FirstOrDefault(h => h.Name.Equals("content-encoding", StringComparison.OrdinalIgnoreCase)).Value;
        lock (_lock)
        {
            if (_fetches.TryGetValue(args.GetProperty("requestId").GetString()!, out var fetch))
            {
                fetch.Encoding = encoding.ValueKind == JsonValueKind.String ? encoding.GetString() : null;
            }
        }
    }

    private void OnFinished(JsonElement? e)
    {
        if (e is not { } args)
        {
            return;
        }

        lock (_lock)
        {
            if (_fetches.TryGetValue(args.GetProperty("requestId").GetString()!, out var fetch))
            {
                fetch.Bytes = (long)args.GetProperty("encodedDataLength").GetDouble();
            }
        }
    }
}
