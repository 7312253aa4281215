using System.Net.Http.Json;
using System.Text;
using OpenOrchestrator.Contracts;

namespace OpenOrchestrator.Testing;

/// <summary>What a script does with web hooks: make one, and call it as a sender would (no login).</summary>
public static class HookRequests
{
    public static async Task<HookCreated> CreateHookAsync(this HttpClient client, string botId, HookSpec? spec = null)
    {
        var response = await client.PostAsJsonAsync($"/api/bots/{botId}/hooks", spec ?? new HookSpec());
        await ApiClient.EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<HookCreated>())!;
    }

    /// <summary>A call of the hook at <paramref name="url"/> (its path, on whatever server the client is for).</summary>
    public static HttpRequestMessage Call(string url, string body, string? idempotencyKey = null, string? signature = null) =>
        Call(url, new StringContent(body, Encoding.UTF8, "text/plain"), idempotencyKey, signature);

    public static HttpRequestMessage Call(string url, HttpContent content, string? idempotencyKey = null, string? signature = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url).PathAndQuery) { Content = content };
        if (idempotencyKey is not null)
        {
            request.Headers.Add(HookHeaders.IdempotencyKey, idempotencyKey);
        }

        if (signature is not null)
        {
            request.Headers.Add(HookHeaders.Signature, signature);
        }

        return request;
    }

    /// <summary>The run id a 202 answer carries; throws with the problem otherwise.</summary>
    public static async Task<string> RunIdAsync(HttpResponseMessage response)
    {
        await ApiClient.EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<HookAccepted>())!.RunId;
    }
}
