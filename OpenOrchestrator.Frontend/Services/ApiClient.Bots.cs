namespace OpenOrchestrator.Frontend.Services;

/// <summary>Bots, runs, results, documents.</summary>
public partial class ApiClient
{
    public Task<IReadOnlyList<BotView>> ListBotsAsync(CancellationToken cancellationToken = default) => GetAsync<IReadOnlyList<BotView>>("api/bots", cancellationToken);

    public Task<BotView> GetBotAsync(string id, CancellationToken cancellationToken = default) => GetAsync<BotView>($"api/bots/{Esc(id)}", cancellationToken);

    public Task<BotView> CreateBotAsync(BotSpec spec) => SendAsync<BotView>(HttpMethod.Post, "api/bots", spec);

    public Task<BotView> UpdateBotAsync(string id, BotSpec spec) => SendAsync<BotView>(HttpMethod.Put, $"api/bots/{Esc(id)}", spec);

    public Task DeleteBotAsync(string id) => SendAsync(HttpMethod.Delete, $"api/bots/{Esc(id)}");

    public Task<RunView> StartRunAsync(string botId, string? input = null) =>
        SendAsync<RunView>(HttpMethod.Post, $"api/bots/{Esc(botId)}/runs", new StartRunRequest(input));

    public Task<IReadOnlyList<RunView>> ListRunsAsync(string botId, int limit = 30, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<RunView>>($"api/bots/{Esc(botId)}/runs?limit={limit}", cancellationToken);

    public Task<IReadOnlyList<RunLogLine>> GetRunLogAsync(string runId, int after = 0, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<RunLogLine>>($"api/runs/{Esc(runId)}/log?after={after}", cancellationToken);

    public Task CancelRunAsync(string runId) => SendAsync(HttpMethod.Post, $"api/runs/{Esc(runId)}/cancel");

    public Task<IReadOnlyList<ResultView>> ListResultsAsync(string botId, string filter, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<ResultView>>($"api/bots/{Esc(botId)}/results?filter={Esc(filter)}", cancellationToken);

    public Task<ResultView> PinAsync(string resultId, bool pinned) =>
        SendAsync<ResultView>(pinned ? HttpMethod.Post : HttpMethod.Delete, $"api/results/{Esc(resultId)}/pin", null);

    public Task MarkResultsSeenAsync(string botId) => SendAsync(HttpMethod.Post, $"api/bots/{Esc(botId)}/results/seen");

    public Task<IReadOnlyList<DocumentInfo>> ListDocumentsAsync(string botId, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<DocumentInfo>>($"api/bots/{Esc(botId)}/docs", cancellationToken);

    public async Task<string> ReadDocumentAsync(string botId, string path, CancellationToken cancellationToken = default)
    {
        using var response = await ReachAsync(() => http.GetAsync($"api/bots/{Esc(botId)}/docs/{DocPath(path)}", cancellationToken));
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>Where the browser loads a picture document from (the identity cookie goes with it, as with every request).</summary>
    public static string DocumentUrl(string botId, string path) => $"api/bots/{Esc(botId)}/docs/{DocPath(path)}";

    public Task WriteDocumentAsync(string botId, string path, string content) => SendAsync(HttpMethod.Put, $"api/bots/{Esc(botId)}/docs/{DocPath(path)}", content);

    public Task DeleteDocumentAsync(string botId, string path) => SendAsync(HttpMethod.Delete, $"api/bots/{Esc(botId)}/docs/{DocPath(path)}");

    private static string Esc(string value) => Uri.EscapeDataString(value);

    /// <summary>A document path keeps its folders: each segment is escaped, the slashes stay.</summary>
    private static string DocPath(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
