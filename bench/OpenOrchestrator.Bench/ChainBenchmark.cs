using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Bench;

/// <summary>
/// Chain latency on one silo: from A's run completing to B's run, started by the trigger A → B. Chains
/// run first until the JIT has settled (<see cref="JitWarmUp"/>), as in the overhead benchmark; only
/// the chains after those are counted.
/// </summary>
public static class ChainBenchmark
{
    public static async Task RunAsync(int chains)
    {
        TaskCompletionSource? next = null;
        await using var model = await ScriptedModelServer.StartAsync(r =>
        {
            if (r.SystemPrompt!.Contains("\"B\"")) next?.TrySetResult();
            return ModelReply.Text("Done.");
        });
        model.KeepsRequests = false;
        var (app, client) = await BenchApp.StartAsync(model.BaseUrl);
        await using (app)
        {
            var a = await client.CreateBotAsync(ApiClient.Spec("A"));
            var b = await client.CreateBotAsync(ApiClient.Spec("B"));
            await ApiClient.EnsureAsync(await client.PostAsJsonAsync("/api/triggers", new TriggerSpec { SourceBotId = a.Id, Event = TriggerEvents.Completed, TargetBotId = b.Id }));
            async Task ChainAsync()
            {
                next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                await client.RunAsync(a.Id);
                await next.Task.WaitAsync(TimeSpan.FromSeconds(30));
                await client.WaitForRunAsync((await client.GetFromJsonAsync<List<RunView>>($"/api/bots/{b.Id}/runs?limit=1"))![0].Id);
            }

            var settled = await JitWarmUp.RunAsync(ChainAsync, batch: 20);
            Console.WriteLine(settled);
            var warmup = settled.Runs;
            for (var i = 0; i < chains; i++)
            {
                await ChainAsync();
            }

            var sources = await app.QueryAsync(db => db.Runs.Where(r => r.BotId == a.Id).ToDictionaryAsync(r => r.Id, r => r.FinishedAt!.Value));
            var targets = await app.QueryAsync(db => db.Runs.Where(r => r.BotId == b.Id).OrderBy(r => r.CreatedAt).Select(r => new { r.Cause, r.CreatedAt }).ToListAsync());
            Console.WriteLine($"chains: {chains} (after {warmup} warm-up)");
            var latency = targets.Skip(warmup).Select(t => (t.CreatedAt - sources[t.Cause![(t.Cause!.LastIndexOf(':') + 1)..]]).TotalMilliseconds).ToArray();
            Report.Latency("A completed → B started", latency);
        }
    }
}
