using System.ClientModel;
using System.ClientModel.Primitives;
using Anthropic;
using Anthropic.Core;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Models;

/// <summary>The official SDKs' chat clients pointed at a scripted server, without retries so that one failure shows as one.</summary>
internal static class ChatClients
{
    public const string AnthropicKey = "test-key";

    public const string ClaudeModel = "claude-sonnet-4-5";

    public const int MaxOutputTokens = 256;

    public static AnthropicClient Anthropic(Uri baseUrl, TimeSpan? timeout = null) =>
        new(new ClientOptions { ApiKey = AnthropicKey, BaseUrl = baseUrl.ToString(), MaxRetries = 0, Timeout = timeout });

    public static IChatClient Claude(Uri baseUrl, TimeSpan? timeout = null) =>
        Anthropic(baseUrl, timeout).AsIChatClient(ClaudeModel, MaxOutputTokens);

    public static IChatClient OpenAi(Uri endpoint, TimeSpan? timeout = null)
    {
        var options = new OpenAIClientOptions { Endpoint = endpoint, RetryPolicy = new ClientRetryPolicy(0) };
        if (timeout is { } limit)
        {
            options.NetworkTimeout = limit;
        }

        return new OpenAIClient(new ApiKeyCredential("k"), options).GetChatClient("m").AsIChatClient();
    }

    /// <summary>http://127.0.0.1:PORT/ on a port that was free a moment ago, so a connection is refused.</summary>
    public static Uri Refusing() => new($"http://127.0.0.1:{Ports.Free()}/");

    public static async Task<List<ChatResponseUpdate>> StreamAsync(this IChatClient client, IEnumerable<ChatMessage> messages, ChatOptions? options = null)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(messages, options))
        {
            updates.Add(update);
        }

        return updates;
    }

    public static Task<List<ChatResponseUpdate>> StreamAsync(this IChatClient client, string prompt) =>
        client.StreamAsync([new ChatMessage(ChatRole.User, prompt)]);

    /// <summary>Asks once, streaming or not, and gives back every content the answer held.</summary>
    public static async Task<IReadOnlyList<AIContent>> AskAsync(this IChatClient client, string prompt, bool stream) => stream
        ? [.. (await client.StreamAsync(prompt)).SelectMany(u => u.Contents)]
        : [.. (await client.GetResponseAsync(prompt)).Messages.SelectMany(m => m.Contents)];
}
