using System.Net;
using System.Net.Http.Json;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Testing;
using Xunit.Abstractions;

namespace OpenOrchestrator.EndToEnd.Tests;

/// <summary>
/// Two silos, 200 scheduled bots and some runs going when one silo is killed (kill -9): the other
/// takes its bots over (Orleans membership and reminders, DESIGN D2), then the killed one rejoins.
/// </summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Cluster")]
public sealed class FailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>
    /// A killed silo's bots run again within the failure detection plus one reminder period; every slot
    /// comes due within ten seconds, before the kill is noticed. The margin is for 200 activations on
    /// two loaded cores.
    /// </summary>
    private static readonly TimeSpan ResumeBound = ClusterSettings.FailureDetection + ClusterSettings.Tick + TimeSpan.FromSeconds(15);

    private readonly SiloEnvironment _env = new();
    private readonly FailoverModel _model = new();

    public Task InitializeAsync() => _env.InitializeAsync();

    public Task DisposeAsync() => _env.DisposeAsync();

    [Fact]
    public async Task WhenOneOfTwoSilosIsKilledTheOtherRunsItsBotsOnAndTheKilledOneRejoins()
    {
        _env.Model.Script = _model.ReplyAsync;
        var variables = ClusterSettings.Variables(_env);
        // A sleeper's run must still be waiting when the history is checked, minutes later on a busy machine.
        variables["Models__CallTimeoutSeconds"] = "3600";
        var first = await SiloProcess.StartAsync(_env.DataPath, variables);
        SiloProcess? rejoined = null;
        try
        {
            // Inside the try: a second silo that does not start must not leave the first running.
            await using var second = await SiloProcess.StartAsync(_env.DataPath, variables);
            var (one, two) = (first.CreateClient(), second.CreateClient());
            await one.SignUpAsync($"{Guid.NewGuid():N}@example.com");
            two.DefaultRequestHeaders.Authorization = one.DefaultRequestHeaders.Authorization;

            var created = DateTimeOffset.UtcNow;
            var bots = await FailoverBots.CreateScheduledAsync(one, two);
            await _model.RanSinceAsync(bots.Keys, created, TimeSpan.FromSeconds(90));
            var onFirst = FailoverBots.LivingOn(first, bots);
            Assert.Contains(onFirst, FailoverBots.IsSleeper);
            Assert.Contains(bots.Keys.Except(onFirst), FailoverBots.IsSleeper);
            var manual = await FailoverBots.CreateManualOnAsync(first, one);
            var before = await ListAsync(two);

            await first.KillAsync();
            var killed = DateTimeOffset.UtcNow;
            var run = await StartDuringFailoverAsync(two, manual, killed);
            var resumed = await _model.RanSinceAsync(bots.Keys.Where(b => FailoverBots.IsWorker(b) || onFirst.Contains(b)), killed, ResumeBound);
            Report("kill", killed, resumed.Where(r => onFirst.Contains(r.Key)));
            Assert.Equal(RunStatuses.Completed, (await two.WaitForRunAsync(run)).Status);

            rejoined = await SiloProcess.StartAsync(_env.DataPath, variables, first.BaseUrl.Port);
            var back = DateTimeOffset.UtcNow;
            var three = rejoined.CreateClient();
            three.DefaultRequestHeaders.Authorization = one.DefaultRequestHeaders.Authorization;
            var newcomer = await FailoverBots.CreateManualOnAsync(rejoined, three);
            Assert.Equal(RunStatuses.Completed, (await three.RunAsync(newcomer)).Status);
            Report("rejoin", back, await _model.RanSinceAsync(bots.Keys.Where(FailoverBots.IsWorker), back, ResumeBound));

            var after = await ListAsync(three);
            Assert.All(before.Values, b => Assert.True(after.TryGetValue(b.Id, out var kept) && kept.Name == b.Name, $"{b.Name} was lost"));
            var history = new FailoverHistory(killed, onFirst);
            foreach (var (name, id) in bots)
            {
                var runs = (await three.GetFromJsonAsync<List<RunView>>($"/api/bots/{id}/runs?limit=500"))!;
                history.Check(name, runs, await three.ResultsAsync(id), before[id]);
            }
        }
        finally
        {
            await first.DisposeAsync();
            if (rejoined is not null)
            {
                await rejoined.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Starts a run of a bot of the killed silo through the other one, as a client would: until the
    /// bot has moved the answer is 503 with Retry-After, then the run starts. Its id.
    /// </summary>
    private async Task<string> StartDuringFailoverAsync(HttpClient client, string botId, DateTimeOffset killed)
    {
        var deadline = killed + ResumeBound;
        var refused = 0;
        while (true)
        {
            using var response = await client.PostAsJsonAsync($"/api/bots/{botId}/runs", new StartRunRequest(null));
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                await ApiClient.EnsureAsync(response);
                output.WriteLine($"The run of a bot of the killed silo started after {refused} answer(s) 503");
                return (await response.Content.ReadFromJsonAsync<RunView>())!.Id;
            }

            Assert.NotNull(response.Headers.RetryAfter);
            Assert.True(DateTimeOffset.UtcNow < deadline, $"Still 503 after {ResumeBound.TotalSeconds} s");
            refused++;
            await _model.NextRequestAsync(TimeSpan.FromSeconds(1));
        }
    }

    private static async Task<Dictionary<string, BotView>> ListAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<BotView>>("/api/bots"))!.ToDictionary(b => b.Id);

    private void Report(string what, DateTimeOffset at, IEnumerable<KeyValuePair<string, DateTimeOffset>> ran)
    {
        var waits = ran.Select(r => (r.Value - at).TotalSeconds).Order().ToList();
        output.WriteLine($"After the {what}: {waits.Count} bots ran again within {waits[^1]:F1} s (median {waits[waits.Count / 2]:F1} s)");
    }
}
