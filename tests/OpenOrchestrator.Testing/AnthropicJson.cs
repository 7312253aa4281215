using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenOrchestrator.Testing;

/// <summary>The message object and error body of Anthropic's Messages API, and the parts its stream events share.</summary>
internal static class AnthropicJson
{
    public static JsonObject Message(string id, string model, ModelReply reply) =>
        Message(id, model, [.. Blocks(reply)], StopReason(reply), Usage(reply.PromptTokens, reply.CompletionTokens));

    public static JsonObject Message(string id, string model, JsonArray content, string? stopReason, JsonObject usage) => new()
    {
        ["id"] = id,
        ["type"] = "message",
        ["role"] = "assistant",
        ["model"] = model,
        ["content"] = content,
        ["stop_reason"] = stopReason,
        ["stop_sequence"] = null,
        ["usage"] = usage,
    };

    public static JsonObject Error(int status, string message) => new()
    {
        ["type"] = "error",
        ["error"] = new JsonObject { ["type"] = ErrorType(status), ["message"] = message },
    };

    /// <summary>A model as GET /v1/models lists it; the display name is the id in words: "Claude Sonnet 4.5".</summary>
    public static JsonNode ModelInfo(string id) => new JsonObject
    {
        ["type"] = "model",
        ["id"] = id,
        ["display_name"] = DisplayName(id),
        ["created_at"] = "2025-10-01T00:00:00Z",
    };

    public static JsonObject Text(string text) => new() { ["type"] = "text", ["text"] = text };

    public static JsonObject ToolUse(ModelToolCall call, JsonNode input) =>
        new() { ["type"] = "tool_use", ["id"] = call.Id, ["name"] = call.Name, ["input"] = input };

    public static JsonObject Usage(int input, int output) => new()
    {
        ["input_tokens"] = input,
        ["cache_creation_input_tokens"] = 0,
        ["cache_read_input_tokens"] = 0,
        ["output_tokens"] = output,
        ["service_tier"] = "standard",
    };

    /// <summary>The script's finish reason in Anthropic's words, so scripts written for OpenAI keep their meaning.</summary>
    public static string StopReason(ModelReply reply) => reply.EffectiveFinishReason switch
    {
        "stop" => "end_turn",
        "tool_calls" => "tool_use",
        "length" => "max_tokens",
        "content_filter" => "refusal",
        var other => other,
    };

    private static IEnumerable<JsonNode> Blocks(ModelReply reply)
    {
        if (!string.IsNullOrEmpty(reply.Content))
        {
            yield return Text(reply.Content);
        }

        foreach (var call in reply.Calls)
        {
            yield return ToolUse(call, Input(call.ArgumentsJson));
        }
    }

    // A whole body cannot hold invalid JSON, so malformed arguments go out as a string where an object belongs.
    private static JsonNode Input(string arguments)
    {
        try
        {
            return JsonNode.Parse(arguments) ?? new JsonObject();
        }
        catch (JsonException)
        {
            return JsonValue.Create(arguments);
        }
    }

    // Short numbers in a row are a version (4-5 is 4.5); other words are capitalised and spaced.
    private static string DisplayName(string id)
    {
        var words = id.Split('-', StringSplitOptions.RemoveEmptyEntries);
        var name = new StringBuilder();
        for (var i = 0; i < words.Length; i++)
        {
            if (i > 0)
            {
                name.Append(IsVersion(words[i]) && IsVersion(words[i - 1]) ? '.' : ' ');
            }

            name.Append(char.ToUpperInvariant(words[i][0])).Append(words[i].AsSpan(1));
        }

        return name.ToString();
    }

    private static bool IsVersion(string word) => word.Length <= 2 && word.All(char.IsAsciiDigit);

    private static string ErrorType(int status) => status switch
    {
        400 => "invalid_request_error",
        401 => "authentication_error",
        402 => "billing_error",
        403 => "permission_error",
        404 => "not_found_error",
        413 => "request_too_large",
        429 => "rate_limit_error",
        529 => "overloaded_error",
        >= 500 => "api_error",
        _ => "invalid_request_error",
    };
}
