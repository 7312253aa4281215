using System.Text.Json.Nodes;

namespace OpenOrchestrator.Testing;

/// <summary>The chat.completion and chat.completion.chunk bodies the OpenAI API sends.</summary>
internal static class ChatCompletionJson
{
    public static JsonObject Completion(string id, string model, ModelReply reply)
    {
        var message = new JsonObject { ["role"] = "assistant", ["content"] = reply.Content, ["refusal"] = null };
        if (reply.Calls.Count > 0)
        {
            message["tool_calls"] = new JsonArray([.. reply.Calls.Select(c => (JsonNode)new JsonObject
            {
                ["id"] = c.Id,
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = c.Name, ["arguments"] = c.ArgumentsJson },
            })]);
        }

        var choice = new JsonObject { ["index"] = 0, ["message"] = message, ["logprobs"] = null, ["finish_reason"] = reply.EffectiveFinishReason };
        var body = Envelope(id, "chat.completion", model, choice);
        body["usage"] = Usage(reply);
        return body;
    }

    /// <summary>
    /// Role first, the text word by word, each call with its arguments in pieces, the finish reason, usage if asked,
    /// then [DONE]. An empty stream is [DONE] alone; a cut-off one stops after the text.
    /// </summary>
    public static IEnumerable<ServerSentEvent> Events(string id, string model, ModelReply reply, bool includeUsage)
    {
        if (reply.Fault != ReplyFault.EmptyStream)
        {
            foreach (var chunk in Chunks(id, model, reply, includeUsage))
            {
                yield return new ServerSentEvent(null, chunk.ToJsonString());
            }
        }

        if (reply.Fault != ReplyFault.CutOff)
        {
            yield return new ServerSentEvent(null, "[DONE]");
        }
    }

    private static IEnumerable<JsonObject> Chunks(string id, string model, ModelReply reply, bool includeUsage)
    {
        yield return Chunk(id, model, new JsonObject { ["role"] = "assistant", ["content"] = "" }, null);

        foreach (var word in TextPieces.Words(reply.Content))
        {
            yield return Chunk(id, model, new JsonObject { ["content"] = word }, null);
        }

        if (reply.Fault == ReplyFault.CutOff)
        {
            yield break;
        }

        for (var i = 0; i < reply.Calls.Count; i++)
        {
            var call = reply.Calls[i];
            yield return ToolCallChunk(id, model, new JsonObject
            {
                ["index"] = i,
                ["id"] = call.Id,
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = "" },
            });
            foreach (var piece in TextPieces.Pieces(call.ArgumentsJson))
            {
                yield return ToolCallChunk(id, model, new JsonObject { ["index"] = i, ["function"] = new JsonObject { ["arguments"] = piece } });
            }
        }

        yield return Chunk(id, model, [], reply.EffectiveFinishReason);

        if (includeUsage)
        {
            var last = Envelope(id, "chat.completion.chunk", model, null);
            last["usage"] = Usage(reply);
            yield return last;
        }
    }

    private static JsonObject ToolCallChunk(string id, string model, JsonObject call) =>
        Chunk(id, model, new JsonObject { ["tool_calls"] = new JsonArray(call) }, null);

    private static JsonObject Chunk(string id, string model, JsonObject delta, string? finishReason) =>
        Envelope(id, "chat.completion.chunk", model, new JsonObject
        {
            ["index"] = 0,
            ["delta"] = delta,
            ["logprobs"] = null,
            ["finish_reason"] = finishReason,
        });

    private static JsonObject Envelope(string id, string kind, string model, JsonObject? choice) => new()
    {
        ["id"] = id,
        ["object"] = kind,
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["model"] = model,
        ["system_fingerprint"] = null,
        ["choices"] = choice is null ? new JsonArray() : new JsonArray(choice),
    };

    private static JsonObject Usage(ModelReply reply) => new()
    {
        ["prompt_tokens"] = reply.PromptTokens,
        ["completion_tokens"] = reply.CompletionTokens,
        ["total_tokens"] = reply.PromptTokens + reply.CompletionTokens,
    };
}
