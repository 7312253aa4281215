using System.Net.Http.Json;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Bench;

/// <summary>
/// The whole path: POST /api/bots/{id}/runs → BotGrain → runs row → per-run Kernel → results.report →
/// results row, run log and outcome stored → the waiting GET /api/runs/{id}?wait returns.
/// </summary>
public sealed class OrchestratedRun : IAsyncDisposable
{
    private readonly BenchApp _app;
    private readonly HttpClient _client;
    private readonly string _botId;

    private OrchestratedRun(BenchApp app, HttpClient client, string botId) => (_app, _client, _botId) = (app, client, botId);

    public static async Task<OrchestratedRun> StartAsync(ScriptedModelServer model)
    {
        var (app, client) = await BenchApp.StartAsync(model.BaseUrl);
        var bot = await client.CreateBotAsync(ApiClient.Spec("Bench", OverheadScript.Prompt));
        return new OrchestratedRun(app, client, bot.Id);
    }

    public async Task RunAsync()
    {
        var response = await _client.PostAsJsonAsync($"/api/bots/{_botId}/runs", new StartRunRequest(null));
        var run = (await response.Content.ReadFromJsonAsync<RunView>())!;
        var finished = await _client.WaitForRunAsync(run.Id);
        if (finished.Status != RunStatuses.Completed || finished.Counts.NewResults != 1)
        {
            throw new InvalidOperationException($"Run {run.Id} ended {finished.Status}: {finished.Error}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }
}
