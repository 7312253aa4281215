using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OpenOrchestrator.Testing;

/// <summary>The chat.completion and chat.completion.chunk bodies the OpenAI API sends.</summary>
internal static partial class ChatCompletionJson
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

    /// <summary>Role first, the text word by word, each call with its arguments in pieces, the finish reason, then usage if asked.</summary>
    public static IEnumerable<JsonObject> Chunks(string id, string model, ModelReply reply, bool includeUsage)
    {
        yield return Chunk(id, model, new JsonObject { ["role"] = "assistant", ["content"] = "" }, null);

        foreach (Match word in Words().Matches(reply.Content ?? ""))
        {
            yield return Chunk(id, model, new JsonObject { ["content"] = word.Value }, null);
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
            foreach (var piece in Pieces(call.ArgumentsJson))
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

    // At least two pieces whenever possible, so clients must accumulate the arguments.
    private static IEnumerable<string> Pieces(string arguments)
    {
        if (arguments.Length == 0)
        {
            yield break;
        }

        var size = (int)Math.Ceiling(arguments.Length / (double)Math.Min(3, arguments.Length));
        for (var start = 0; start < arguments.Length; start += size)
        {
            yield return arguments[start..Math.Min(arguments.Length, start + size)];
        }
    }

    [GeneratedRegex(@"\s*\S+\s*|\s+")]
    private static partial Regex Words();
}
