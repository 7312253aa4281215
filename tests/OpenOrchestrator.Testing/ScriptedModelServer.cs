using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OpenOrchestrator.Testing;

/// <summary>
/// An OpenAI-compatible chat-completions server on 127.0.0.1 that answers every request with the reply its script
/// returns, streaming or not, and records the requests (a benchmark's hundreds of thousands only counts them).
/// </summary>
public sealed class ScriptedModelServer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<ModelRequest> _requests = [];
    private LocalHost _host = null!;
    private int _received;
    private int _lastCompletion;

    private ScriptedModelServer(Func<ModelRequest, CancellationToken, Task<ModelReply>> script) => Script = script;

    /// <summary>http://127.0.0.1:PORT/v1/ — the Endpoint for the OpenAI client.</summary>
    public Uri BaseUrl => new(_host.Root, "v1/");

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

    public static Task<ScriptedModelServer> StartAsync(Func<ModelRequest, ModelReply> script) =>
        StartAsync((request, _) => Task.FromResult(script(request)));

    public static async Task<ScriptedModelServer> StartAsync(Func<ModelRequest, CancellationToken, Task<ModelReply>> script)
    {
        var server = new ScriptedModelServer(script);
        server._host = await LocalHost.StartAsync(app =>
        {
            app.MapPost("/v1/chat/completions", server.CompleteAsync);
            app.MapPost("/chat/completions", server.CompleteAsync);
            app.MapGet("/v1/models", ResponseWriter.ModelsAsync);
        });
        return server;
    }

    /// <summary>Replaces the script with a synchronous one.</summary>
    public void SetScript(Func<ModelRequest, ModelReply> script) => Script = (request, _) => Task.FromResult(script(request));

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task CompleteAsync(HttpContext context)
    {
        JsonElement body;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            body = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            await ResponseWriter.ErrorAsync(context, StatusCodes.Status400BadRequest, $"The body is not valid JSON: {ex.Message}", "invalid_request_error");
            return;
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            await ResponseWriter.ErrorAsync(context, StatusCodes.Status400BadRequest, "The body must be a JSON object.", "invalid_request_error");
            return;
        }

        var request = Record(body, context.Request.Headers.Authorization.FirstOrDefault());
        using var aborted = _host.LinkToStopping(context.RequestAborted);
        ModelReply reply;
        try
        {
            reply = await Script(request, aborted.Token);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // Stopping: drop the connection rather than answer an empty 200.
            context.Abort();
            return;
        }
        catch (Exception ex)
        {
            await ResponseWriter.ErrorAsync(context, StatusCodes.Status500InternalServerError, $"The script threw {ex.GetType().Name}: {ex.Message}");
            return;
        }

        if (reply.ErrorStatus is { } status)
        {
            await ResponseWriter.ErrorAsync(context, status, reply.ErrorMessage ?? "Scripted error.");
            return;
        }

        var id = $"chatcmpl-{Interlocked.Increment(ref _lastCompletion)}";
        var model = request.Model.Length > 0 ? request.Model : "scripted";
        if (request.Stream)
        {
            await ResponseWriter.StreamAsync(context, ChatCompletionJson.Chunks(id, model, reply, request.IncludeUsage), aborted.Token);
        }
        else
        {
            await ResponseWriter.JsonAsync(context, StatusCodes.Status200OK, ChatCompletionJson.Completion(id, model, reply));
        }
    }

    // Index and position in Requests are assigned together so Requests[i].Index == i while requests are kept.
    private ModelRequest Record(JsonElement body, string? authorization)
    {
        lock (_gate)
        {
            var request = ModelRequestParser.Parse(body, _received++, authorization);
            if (KeepsRequests)
            {
                _requests.Add(request);
            }

            return request;
        }
    }
}
