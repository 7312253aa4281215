using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Azure.AI.OpenAI;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.AzureOpenAI;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Accounts;

namespace OpenOrchestrator.Silo.Models;

/// <summary>
/// Chat services for runs: the user's own key first, then the server's. A service holds no
/// per-run state, so one per key and model serves every run.
/// </summary>
public sealed class ModelCatalog(IConfiguration configuration, IOptions<ModelOptions> options, SecretStore secrets, IHttpClientFactory http)
{
    public const string HttpClientName = "models";
    private readonly ConcurrentDictionary<string, OpenAIClient> _clients = new();
    private readonly ConcurrentDictionary<string, IChatCompletionService> _services = new();

    private string? OpenAiKey => NonEmpty(configuration["OPENAI_API_KEY"]);
    private string? OpenAiBaseUrl => NonEmpty(configuration["OPENAI_BASE_URL"]);
    private string? AzureEndpoint => NonEmpty(configuration["AZURE_OPENAI_ENDPOINT"]);
    private string? AzureKey => NonEmpty(configuration["AZURE_OPENAI_API_KEY"]);

    public IReadOnlyList<ModelInfo> List()
    {
        var provider = OpenAiKey is not null || OpenAiBaseUrl is not null ? "openai" : AzureEndpoint is not null ? "azure-openai" : "openai";
        return [.. new[] { options.Value.Default }.Concat(options.Value.Available).Distinct()
            .Select(id => new ModelInfo(id, provider, id == options.Value.Default))];
    }

    public async Task<IChatCompletionService> CreateChatServiceAsync(string ownerId, string model, CancellationToken cancellationToken)
    {
        var userKey = await secrets.GetAsync(ownerId, SecretNames.OpenAiApiKey, cancellationToken);
        if (userKey is not null || OpenAiKey is not null || OpenAiBaseUrl is not null)
        {
            // A local OpenAI-compatible server (Ollama, vLLM) may need no key at all.
            var key = userKey ?? OpenAiKey ?? "none";
            return _services.GetOrAdd(Hash("openai", key, model), _ => new OpenAIChatCompletionService(model, OpenAiClient(key)));
        }

        if (AzureEndpoint is not null && AzureKey is not null)
        {
            return _services.GetOrAdd(Hash("azure", AzureKey, model), _ => new AzureOpenAIChatCompletionService(model, new AzureOpenAIClient(new Uri(AzureEndpoint), new ApiKeyCredential(AzureKey), new AzureOpenAIClientOptions
            {
                Transport = new HttpClientPipelineTransport(http.CreateClient(HttpClientName)),
            })));
        }

        throw new ModelNotConfiguredException(
            "No model is configured: set OPENAI_API_KEY (and OPENAI_BASE_URL for another OpenAI-compatible server), " +
            "AZURE_OPENAI_ENDPOINT with AZURE_OPENAI_API_KEY, or add your own OpenAI key in settings.");
    }

    private OpenAIClient OpenAiClient(string key)
    {
        return _clients.GetOrAdd(Hash(key, OpenAiBaseUrl ?? ""), _ => new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions
        {
            Endpoint = OpenAiBaseUrl is null ? null : new Uri(OpenAiBaseUrl),
            Transport = new HttpClientPipelineTransport(http.CreateClient(HttpClientName)),
            RetryPolicy = new ClientRetryPolicy(options.Value.MaxRetries),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        }));
    }

    /// <summary>Keys hold secrets, so the caches see only their hash.</summary>
    private static string Hash(params string[] parts) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))));

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
