using System.Text.Json.Nodes;
using static OpenOrchestrator.Testing.AnthropicJson;

namespace OpenOrchestrator.Testing;

/// <summary>The server-sent events of a streamed Messages API reply, each with its <c>event:</c> name.</summary>
internal static class AnthropicEvents
{
    /// <summary>
    /// message_start, then per content block its start, its deltas and its stop (a ping after the first start),
    /// then message_delta and message_stop. An empty stream has no events; a cut-off one ends within its text.
    /// </summary>
    public static IEnumerable<ServerSentEvent> Of(string id, string model, ModelReply reply)
    {
        if (reply.Fault == ReplyFault.EmptyStream)
        {
            yield break;
        }

        yield return Event("message_start", new JsonObject { ["message"] = Message(id, model, [], null, Usage(reply.PromptTokens, 1)) });
        var index = 0;
        if (!string.IsNullOrEmpty(reply.Content))
        {
            foreach (var start in Start(index, Text("")))
            {
                yield return start;
            }

            foreach (var word in TextPieces.Words(reply.Content))
            {
                yield return Delta(index, new JsonObject { ["type"] = "text_delta", ["text"] = word });
            }

            if (reply.Fault == ReplyFault.CutOff)
            {
                yield break;
            }

            yield return Event("content_block_stop", new JsonObject { ["index"] = index++ });
        }

        foreach (var call in reply.Calls)
        {
            foreach (var start in Start(index, ToolUse(call, new JsonObject())))
            {
                yield return start;
            }

            foreach (var piece in TextPieces.Pieces(call.ArgumentsJson))
            {
                yield return Delta(index, new JsonObject { ["type"] = "input_json_delta", ["partial_json"] = piece });
            }

            yield return Event("content_block_stop", new JsonObject { ["index"] = index++ });
        }

        // Counts here are cumulative; the API now repeats input_tokens beside output_tokens.
        yield return Event("message_delta", new JsonObject
        {
            ["delta"] = new JsonObject { ["stop_reason"] = StopReason(reply), ["stop_sequence"] = null },
            ["usage"] = Usage(reply.PromptTokens, reply.CompletionTokens),
        });
        yield return Event("message_stop", []);
    }

    // The API sends a ping after the first block's start; clients must skip it.
    private static IEnumerable<ServerSentEvent> Start(int index, JsonObject block)
    {
        yield return Event("content_block_start", new JsonObject { ["index"] = index, ["content_block"] = block });
        if (index == 0)
        {
            yield return Event("ping", []);
        }
    }

    private static ServerSentEvent Delta(int index, JsonObject delta) =>
        Event("content_block_delta", new JsonObject { ["index"] = index, ["delta"] = delta });

    private static ServerSentEvent Event(string type, JsonObject data)
    {
        data.Insert(0, "type", type);
        return new ServerSentEvent(type, data.ToJsonString());
    }
}
