using System.Net.Http.Json;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Models;

/// <summary>
/// One app with three providers at once, each a real local server speaking its wire format: OpenAI's chat
/// completions, Anthropic's Messages API, and a named OpenAI-compatible server ("local"). No Models__Default:
/// new bots get a Claude Sonnet model. "budget-model" costs nothing for input and $0.001 per output token, so a
/// call's budget estimate is exactly its output limit: 100 tokens, $0.10.
/// </summary>
public sealed class ProvidersFixture : IAsyncLifetime
{
    public const string Sonnet = "claude-sonnet-4-5-20250929";
    public const string Haiku = "claude-haiku-4-5";
    public const string Llama = "llama3.1-8b";
    public const string BudgetModel = "budget-model";
    public const double CallEstimate = 0.10;

    public ScriptedModelServer OpenAi { get; private set; } = null!;
    public ScriptedAnthropicServer Anthropic { get; private set; } = null!;
    public ScriptedModelServer Local { get; private set; } = null!;
    public OrchestratorApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        OpenAi = await ScriptedModelServer.StartAsync(_ => ModelReply.Text("OpenAI here."));
        OpenAi.ModelIds = ["gpt-4o-mini", "scripted-model"];
        Anthropic = await ScriptedAnthropicServer.StartAsync(_ => ModelReply.Text("Claude here."));
        Anthropic.ModelIds = [Sonnet, Haiku];
        Local = await ScriptedModelServer.StartAsync(_ => ModelReply.Text("Local here."));
        Local.ModelIds = [Llama, BudgetModel];
        App = new OrchestratorApp(new Dictionary<string, string?>
        {
            ["OPENAI_BASE_URL"] = OpenAi.BaseUrl.ToString(),
            ["OPENAI_API_KEY"] = "server-key",
            ["ANTHROPIC_BASE_URL"] = Anthropic.BaseUrl.ToString(),
            ["ANTHROPIC_API_KEY"] = "server-anthropic-key",
            ["Models:Providers:local:Endpoint"] = Local.BaseUrl.ToString(),
            ["Models:Prices:llama3.1-8b:Input"] = "0.5",
            ["Models:Prices:llama3.1-8b:Output"] = "1",
            ["Models:Prices:budget-model:Input"] = "0",
            ["Models:Prices:budget-model:Output"] = "1000",
            ["Models:MaxRetries"] = "0",
            ["Models:CallTimeoutSeconds"] = "3",
            ["Runs:MaxOutputTokens"] = "100",
            ["Auth:Registration"] = "open",
            ["Auth:SignInAttemptsPerMinute"] = "100000",
            ["Api:RequestsPerSecond"] = "100000",
            ["Api:Burst"] = "100000",
            ["Orleans:SiloPort"] = Ports.Free().ToString(),
            ["Orleans:GatewayPort"] = Ports.Free().ToString(),
        });
        App.StartServer();
    }

    public Task<HttpClient> SignUpAsync() => App.SignUpAsync();

    /// <summary>A bot on <paramref name="model"/>, with the given fallbacks and budget.</summary>
    public static Task<BotView> BotAsync(HttpClient client, string model, IReadOnlyList<string>? fallbacks = null, double? budget = null, string name = "Scout") =>
        client.CreateBotAsync(ApiClient.Spec(name) with { Model = model, FallbackModels = fallbacks, MonthlyBudget = budget });

    public static async Task<T> GetAsync<T>(HttpClient client, string uri) => (await client.GetFromJsonAsync<T>(uri))!;

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await OpenAi.DisposeAsync();
        await Anthropic.DisposeAsync();
        await Local.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ProvidersCollection : ICollectionFixture<ProvidersFixture>
{
    public const string Name = "providers";
}
