using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OpenOrchestrator.Testing;

/// <summary>
/// A keyed search API on 127.0.0.1 that records every request and answers with what its script returns. Subclasses
/// speak one service's documented format: where it listens, how it checks the key and the query, its bodies and errors.
/// </summary>
public abstract class ScriptedSearchService : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<SearchRequest> _requests = [];
    private LocalHost _host = null!;

    private protected ScriptedSearchService(string? apiKey, Func<SearchRequest, SearchReply> script)
    {
        ApiKey = apiKey;
        Script = script;
    }

    /// <summary>The only key the service accepts; null for a service that takes requests without one.</summary>
    public string? ApiKey { get; }

    /// <summary>The address to configure as <c>WebSearch__Endpoint</c>.</summary>
    public Uri Endpoint => new(_host.Root, EndpointPath.TrimStart('/'));

    /// <summary>Decides each answer to a request with a good key and query; may be replaced between tests.</summary>
    public Func<SearchRequest, SearchReply> Script { get; set; }

    public IReadOnlyList<SearchRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    private protected abstract string EndpointPath { get; }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return _host.DisposeAsync();
    }

    private protected async Task ListenAsync(Action<WebApplication, RequestDelegate> map) =>
        _host = await LocalHost.StartAsync(app => map(app, AnswerAsync));

    /// <summary>The status and body the service sends for a wrong key or a bad query; null when the request is good.</summary>
    private protected abstract (int Status, JsonObject Body)? Refuse(SearchRequest request);

    private protected abstract JsonObject Error(int status);

    private protected abstract JsonObject Answer(SearchRequest request, IReadOnlyList<SearchHit> hits);

    private async Task AnswerAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var request = new SearchRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.Query.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal),
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            await reader.ReadToEndAsync(context.RequestAborted));
        lock (_gate)
        {
            _requests.Add(request);
        }

        if (Refuse(request) is var (status, error))
        {
            await ResponseWriter.JsonAsync(context, status, error);
            return;
        }

        var reply = Script(request);
        if (reply.Silent)
        {
            await HoldAsync(context);
        }
        else if (reply.ErrorStatus is { } scripted)
        {
            await ResponseWriter.JsonAsync(context, scripted, Error(scripted));
        }
        else if (reply.CutOff)
        {
            await ResponseWriter.HalfJsonAsync(context, Answer(request, reply.Hits));
        }
        else
        {
            await ResponseWriter.JsonAsync(context, StatusCodes.Status200OK, Answer(request, reply.Hits));
        }
    }

    /// <summary>Ends only when the client goes away or the service stops; then the connection is dropped, not answered.</summary>
    private async Task HoldAsync(HttpContext context)
    {
        using var held = _host.LinkToStopping(context.RequestAborted);
        try
        {
            await Held.UntilCancelledAsync(held.Token);
        }
        catch (OperationCanceledException)
        {
            context.Abort();
        }
    }
}
