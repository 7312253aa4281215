using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OpenOrchestrator.Testing;

/// <summary>
/// A model service on 127.0.0.1 that answers every request with the reply its script returns and records the
/// requests (a benchmark's hundreds of thousands only counts them). Subclasses speak one provider's wire format,
/// so one script can drive any of them.
/// </summary>
public abstract partial class ScriptedServer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<ModelRequest> _requests = [];
    private LocalHost _host = null!;
    private int _received;
    private int _lastReply;

    private protected ScriptedServer(Func<ModelRequest, CancellationToken, Task<ModelReply>> script) => Script = script;

    /// <summary>Decides each reply; may be replaced between tests. The token ends when the client goes away.</summary>
    public Func<ModelRequest, CancellationToken, Task<ModelReply>> Script { get; set; }

    /// <summary>
    /// Whether <see cref="Requests"/> keeps what was received (the default). A benchmark turns it off: a
    /// model service does not hold every request in the memory of the process being measured.
    /// </summary>
    public bool KeepsRequests { get; set; } = true;

    public IReadOnlyList<ModelRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public int RequestCount
    {
        get
        {
            lock (_gate)
            {
                return _received;
            }
        }
    }

    private protected Uri Root => _host.Root;

    /// <summary>Replaces the script with a synchronous one.</summary>
    public void SetScript(Func<ModelRequest, ModelReply> script) => Script = Async(script);

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return _host.DisposeAsync();
    }

    private protected static Func<ModelRequest, CancellationToken, Task<ModelReply>> Async(Func<ModelRequest, ModelReply> script) =>
        (request, _) => Task.FromResult(script(request));

    private protected async Task ListenAsync(Action<WebApplication> map) => _host = await LocalHost.StartAsync(map);

    // Index and position in Requests are assigned together so Requests[i].Index == i while requests are kept.
    private ModelRequest Record(JsonElement body, IHeaderDictionary headers)
    {
        lock (_gate)
        {
            var request = Parse(body, _received++, headers);
            if (KeepsRequests)
            {
                _requests.Add(request);
            }

            return request;
        }
    }
}
