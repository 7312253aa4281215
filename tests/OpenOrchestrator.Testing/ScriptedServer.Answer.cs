using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace OpenOrchestrator.Testing;

/// <summary>How a request becomes a reply; the subclass supplies the wire format (parse, bodies, events, errors).</summary>
public abstract partial class ScriptedServer
{
    /// <summary>Reads the body into a request; runs under the record's lock, so it must stay quick.</summary>
    private protected abstract ModelRequest Parse(JsonElement body, int index, IHeaderDictionary headers);

    private protected abstract JsonObject Error(int status, string message);

    private protected abstract JsonObject Body(ModelRequest request, ModelReply reply, int replyNumber);

    private protected abstract IEnumerable<ServerSentEvent> Events(ModelRequest request, ModelReply reply, int replyNumber);

    /// <summary>Reads the body, asks the script, waits its delay, then answers in the subclass's format.</summary>
    private protected async Task AnswerAsync(HttpContext context)
    {
        JsonElement body;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            body = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            await FailAsync(context, StatusCodes.Status400BadRequest, $"The body is not valid JSON: {ex.Message}");
            return;
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            await FailAsync(context, StatusCodes.Status400BadRequest, "The body must be a JSON object.");
            return;
        }

        var request = Record(body, context.Request.Headers);
        using var aborted = _host.LinkToStopping(context.RequestAborted);
        ModelReply reply;
        try
        {
            reply = await Script(request, aborted.Token);
            if (reply.Fault == ReplyFault.NoAnswer)
            {
                // Ends only when the client goes away or the server stops: then the connection is dropped below.
                await Held.UntilCancelledAsync(aborted.Token);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client gave up or the server is stopping: drop the connection rather than answer an empty 200.
            context.Abort();
            return;
        }
        catch (Exception ex)
        {
            await FailAsync(context, StatusCodes.Status500InternalServerError, $"The script threw {ex.GetType().Name}: {ex.Message}");
            return;
        }

        await ReplyAsync(context, request, reply, aborted.Token);
    }

    private Task ReplyAsync(HttpContext context, ModelRequest request, ModelReply reply, CancellationToken cancellationToken)
    {
        if (reply.ErrorStatus is { } status)
        {
            return FailAsync(context, status, reply.ErrorMessage ?? "Scripted error.");
        }

        var number = Interlocked.Increment(ref _lastReply);
        return (reply.Fault, request.Stream) switch
        {
            (ReplyFault.HtmlPage, _) => ResponseWriter.HtmlPageAsync(context),
            (_, true) => ResponseWriter.StreamAsync(context, Events(request, reply, number), cancellationToken),
            (ReplyFault.EmptyStream, false) => ResponseWriter.EmptyJsonAsync(context),
            (ReplyFault.CutOff, false) => ResponseWriter.HalfJsonAsync(context, Body(request, reply, number)),
            _ => ResponseWriter.JsonAsync(context, StatusCodes.Status200OK, Body(request, reply, number)),
        };
    }

    private Task FailAsync(HttpContext context, int status, string message) => ResponseWriter.JsonAsync(context, status, Error(status, message));
}
