using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Anthropic;
using Azure.AI.OpenAI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;

namespace OpenOrchestrator.Silo.Models;

/// <summary>
/// Provider-neutral chat clients (Microsoft.Extensions.AI): OpenAI and compatible servers, Azure OpenAI, and
/// Anthropic's Messages API through its official SDK. A client holds no per-run state, so one per key and model serves every run.
/// </summary>
public sealed class ChatClients(IOptions<ModelOptions> options, IHttpClientFactory http)
{
    public const string HttpClientName = "models";
    private readonly ConcurrentDictionary<string, IChatClient> _chat = new();
    private readonly ConcurrentDictionary<string, OpenAIClient> _openAi = new();
    private readonly ConcurrentDictionary<string, AnthropicClient> _anthropic = new();

    public IChatClient For(ModelProvider provider, string key, string model) =>
        _chat.GetOrAdd(Hash(provider.Name, key, model), _ => provider.Kind switch
        {
            ProviderKind.Anthropic => AnthropicFor(provider, key).AsIChatClient(model),
            ProviderKind.AzureOpenAI => new AzureOpenAIClient(provider.Endpoint!, new ApiKeyCredential(key), new AzureOpenAIClientOptions
            {
                Transport = new HttpClientPipelineTransport(http.CreateClient(HttpClientName)),
                RetryPolicy = new ClientRetryPolicy(options.Value.MaxRetries),
                NetworkTimeout = Timeout.InfiniteTimeSpan,
            }).GetChatClient(model).AsIChatClient(),
            _ => OpenAiFor(provider, key).GetChatClient(model).AsIChatClient(),
        });

    /// <summary>The ids the provider's own list names (Azure has none to read: its deployments are configured).</summary>
    public async Task<IReadOnlyList<string>> ListAsync(ModelProvider provider, string key, CancellationToken cancellationToken)
    {
        switch (provider.Kind)
        {
            case ProviderKind.Anthropic:
                var page = await AnthropicFor(provider, key).Models.List(new Anthropic.Models.Models.ModelListParams { Limit = 1000 }, cancellationToken);
                return [.. page.Items.Select(m => m.ID)];
            case ProviderKind.OpenAICompatible:
                var models = await OpenAiFor(provider, key).GetOpenAIModelClient().GetModelsAsync(cancellationToken);
                return [.. models.Value.Select(m => m.Id)];
            default:
                return [];
        }
    }

    private OpenAIClient OpenAiFor(ModelProvider provider, string key) =>
        _openAi.GetOrAdd(Hash(provider.Name, key), _ => new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions
        {
            Endpoint = provider.Endpoint,
            Transport = new HttpClientPipelineTransport(http.CreateClient(HttpClientName)),
            RetryPolicy = new ClientRetryPolicy(options.Value.MaxRetries),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        }));

    private AnthropicClient AnthropicFor(ModelProvider provider, string key) =>
        _anthropic.GetOrAdd(Hash(provider.Name, key), _ => new AnthropicClient(new Anthropic.Core.ClientOptions
        {
            ApiKey = key,
            BaseUrl = (provider.Endpoint ?? ModelProviders.AnthropicDefaultEndpoint).ToString().TrimEnd('/'),
            HttpClient = http.CreateClient(HttpClientName),
            MaxRetries = options.Value.MaxRetries,
            Timeout = Timeout.InfiniteTimeSpan,
        }));

    /// <summary>Keys hold secrets, so the caches see only their hash.</summary>
    private static string Hash(params string[] parts) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))));
}
