using System.Text.Json;

namespace OpenOrchestrator.Testing;

/// <summary>A function call the model asks for, or one it asked for earlier in the conversation.</summary>
public sealed record ModelToolCall(string Id, string Name, string ArgumentsJson)
{
    private static readonly JsonSerializerOptions ArgumentOptions = new(JsonSerializerDefaults.Web);
    private static int _lastId;

    /// <summary>A call with a fresh id (call_1, call_2, ...) and <paramref name="args"/> as camelCase JSON.</summary>
    public static ModelToolCall Create(string name, object args) => WithArguments(name, JsonSerializer.Serialize(args, ArgumentOptions));

    /// <summary>A call with a fresh id and <paramref name="argumentsJson"/> as given, valid JSON or not.</summary>
    public static ModelToolCall WithArguments(string name, string argumentsJson) =>
        new($"call_{Interlocked.Increment(ref _lastId)}", name, argumentsJson);

    /// <summary>The arguments as a JSON element (throws when they are not valid JSON).</summary>
    public JsonElement ParseArguments()
    {
        using var document = JsonDocument.Parse(ArgumentsJson);
        return document.RootElement.Clone();
    }
}
