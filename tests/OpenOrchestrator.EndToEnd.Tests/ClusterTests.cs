using System.Net.Http.Json;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.EndToEnd.Tests;

/// <summary>
/// Two real silo processes on one PostgreSQL database with their membership table in Redis
/// (DESIGN D2). Needs OO_TEST_POSTGRES and a Redis on 127.0.0.1:6379 (scripts/redis.sh).
/// </summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Cluster")]
public sealed class ClusterTests : IAsyncLifetime
{
    private const int Bots = 8;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly SiloEnvironment _env = new();

    public Task InitializeAsync() => _env.InitializeAsync();

    public Task DisposeAsync() => _env.DisposeAsync();

    [Fact]
    public async Task SilosOnPostgreSqlAndRedisFormOneClusterThatServesEveryBotAndHearsEveryRunLive()
    {
        _env.Model.SetScript(r => r.Round() == 0
            ? ModelReply.ToolCalls(ModelToolCall.Create("results-report", new { title = $"Found by {Guid.NewGuid():N}" }))
            : ModelReply.Text("Done."));
        var variables = ClusterSettings.Variables(_env);
        await using var first = await SiloProcess.StartAsync(_env.DataPath, variables);
        await using var second = await SiloProcess.StartAsync(_env.DataPath, variables);
        var (one, two) = (first.CreateClient(), second.CreateClient());
        await one.SignUpAsync($"{Guid.NewGuid():N}@example.com");
        two.DefaultRequestHeaders.Authorization = one.DefaultRequestHeaders.Authorization;
        await using var live = await LiveNotifications.ConnectAsync(second.BaseUrl, two);

        // Bots made and run through silo 1 live on either silo (Orleans places them); the page on
        // silo 2 hears of every run only if both silos are one cluster with one live grain per user.
        var bots = new List<BotView>();
        for (var i = 0; i < Bots; i++)
        {
            bots.Add(await one.CreateBotAsync(ApiClient.Spec($"Bot {i}")));
        }

        foreach (var bot in bots)
        {
            var run = await one.RunAsync(bot.Id);
            Assert.Equal(RunStatuses.Completed, run.Status);
            await live.WaitForAsync(n => n.RunId == run.Id && n.Kind == NotificationKinds.Results, Deadline);
        }

        // Silo 2 serves them too, and a third silo joins the running cluster and does the same.
        Assert.Equal(RunStatuses.Completed, (await two.RunAsync(bots[^1].Id)).Status);
        await using var third = await SiloProcess.StartAsync(_env.DataPath, variables);
        var three = third.CreateClient();
        three.DefaultRequestHeaders.Authorization = one.DefaultRequestHeaders.Authorization;
        Assert.Equal(Bots, (await three.GetFromJsonAsync<List<BotView>>("/api/bots"))!.Count);
        Assert.Equal(RunStatuses.Completed, (await three.RunAsync(bots[0].Id)).Status);
        Assert.Equal(2, (await one.GetFromJsonAsync<List<RunView>>($"/api/bots/{bots[0].Id}/runs"))!.Count);
    }

    [Fact]
    public async Task SilosStartedAtOnceOnANewDatabaseMigrateItInTurnAndServeOneCluster()
    {
        // As Aspire starts its replicas: at the same moment, on a database nobody has made yet.
        _env.Model.SetScript(_ => ModelReply.Text("Done."));
        var variables = ClusterSettings.Variables(_env);
        var starting = Enumerable.Range(0, 3).Select(_ => SiloProcess.StartAsync(_env.DataPath, variables)).ToArray();
        try
        {
            var silos = await Task.WhenAll(starting);
            var clients = silos.Select(s => s.CreateClient()).ToArray();
            await clients[0].SignUpAsync($"{Guid.NewGuid():N}@example.com");
            foreach (var client in clients[1..])
            {
                client.DefaultRequestHeaders.Authorization = clients[0].DefaultRequestHeaders.Authorization;
            }

            var bot = await clients[1].CreateBotAsync(ApiClient.Spec("Made on the second"));
            Assert.Equal(RunStatuses.Completed, (await clients[2].RunAsync(bot.Id)).Status);
        }
        finally
        {
            foreach (var silo in starting.Where(t => t.IsCompletedSuccessfully))
            {
                await (await silo).DisposeAsync();
            }
        }
    }
}
