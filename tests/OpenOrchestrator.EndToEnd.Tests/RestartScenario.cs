using System.Net.Http.Json;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.EndToEnd.Tests;

/// <summary>
/// Bots scheduled and one running when the process is stopped (SIGTERM or kill -9) and started
/// again: the running run ends as interrupted, the schedule goes on, and every completed run of
/// the scheduled bot starts its follower exactly once, across the stop.
/// </summary>
public sealed class RestartScenario(SiloEnvironment env, params (string Key, string Value)[] database)
{
    private int _followerCalls;
    private readonly List<(int Count, TaskCompletionSource Reached)> _followerWaits = [];
    private readonly TaskCompletionSource _sleeperCalled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task RunAsync(Func<SiloProcess, Task> stop)
    {
        env.Model.Script = ReplyAsync;
        var variables = env.Variables([("Schedules__Tick", "00:00:01"), ("Schedules__MissedAfter", "00:01:00"), .. database]);
        var client = new HttpClient();
        string ticker, follower, sleeper, sleeperRun;
        await using (var silo = await SiloProcess.StartAsync(env.DataPath, variables))
        {
            client = silo.CreateClient();
            await client.SignUpAsync($"{Guid.NewGuid():N}@example.com");
            follower = (await client.CreateBotAsync(ApiClient.Spec("Follower"))).Id;
            sleeper = (await client.CreateBotAsync(ApiClient.Spec("Sleeper"))).Id;
            ticker = (await client.CreateBotAsync(ApiClient.Spec("Ticker") with { Schedule = new ScheduleSpec { Kind = ScheduleKinds.Cron, Cron = "*/2 * * * * *" } })).Id;
            await ApiClient.EnsureAsync(await client.PostAsJsonAsync("/api/triggers", new TriggerSpec { SourceBotId = ticker, Event = TriggerEvents.Completed, TargetBotId = follower }));
            sleeperRun = (await client.StartRunAsync(sleeper)).Id;
            await _sleeperCalled.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await FollowerCallsAsync(2);
            await stop(silo);
        }

        var before = Volatile.Read(ref _followerCalls);
        await using var restarted = await SiloProcess.StartAsync(env.DataPath, variables);
        var again = restarted.CreateClient();
        again.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
        await FollowerCallsAsync(before + 2);

        var interrupted = (await again.GetFromJsonAsync<RunView>($"/api/runs/{sleeperRun}"))!;
        Assert.Equal((RunStatuses.Failed, "interrupted"), (interrupted.Status, interrupted.Error));

        // Stop the schedule, let what runs finish, then count: one follower run per completed ticker run.
        await ApiClient.EnsureAsync(await again.PutAsJsonAsync($"/api/bots/{ticker}", ApiClient.Spec("Ticker") with
        {
            Schedule = new ScheduleSpec { Kind = ScheduleKinds.Cron, Cron = "*/2 * * * * *" },
            Enabled = false,
        }));
        var tickerRuns = await FinishedRunsAsync(again, ticker);
        var completed = tickerRuns.Count(r => r.Status == RunStatuses.Completed);
        var followerRuns = await FollowerRunsAsync(again, follower, completed);

        Assert.True(completed >= 4, $"only {completed} scheduled runs completed");
        Assert.All(tickerRuns, r => Assert.Equal(RunTriggers.Schedule, r.Trigger));
        Assert.Equal(completed, followerRuns.Count);
        Assert.All(followerRuns, r => Assert.Equal(RunTriggers.FromBot(ticker), r.Trigger));
        Assert.All(followerRuns, r => Assert.True(r.Status == RunStatuses.Completed || r.Error == "interrupted", $"{r.Status}: {r.Error}"));
    }

    /// <summary>
    /// The follower's runs once it has as many as expected (or the deadline passes). A follower run
    /// started in the stop's last moments ends as interrupted without asking the model, so the
    /// model's calls are what each round waits on, not what is counted.
    /// </summary>
    private async Task<List<RunView>> FollowerRunsAsync(HttpClient client, string follower, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var runs = await FinishedRunsAsync(client, follower);
            if (runs.Count >= expected || DateTime.UtcNow > deadline)
            {
                return runs;
            }

            try
            {
                await FollowerCallsAsync(Volatile.Read(ref _followerCalls) + 1).WaitAsync(TimeSpan.FromSeconds(2));
            }
            catch (TimeoutException)
            {
                // No model call came: look at the runs again.
            }
        }
    }

    private static async Task<List<RunView>> FinishedRunsAsync(HttpClient client, string botId)
    {
        var runs = (await client.GetFromJsonAsync<List<RunView>>($"/api/bots/{botId}/runs?limit=500"))!;
        var finished = new List<RunView>();
        foreach (var run in runs)
        {
            finished.Add(await client.WaitForRunAsync(run.Id));
        }

        return finished;
    }

    private Task FollowerCallsAsync(int count)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_followerWaits)
        {
            if (_followerCalls >= count) return Task.CompletedTask;
            _followerWaits.Add((count, reached));
        }

        return reached.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    private async Task<ModelReply> ReplyAsync(ModelRequest request, CancellationToken cancellationToken)
    {
        var prompt = request.SystemPrompt ?? "";
        if (prompt.Contains("\"Sleeper\""))
        {
            _sleeperCalled.TrySetResult();
            await new TaskCompletionSource().Task.WaitAsync(cancellationToken);
        }

        if (prompt.Contains("\"Follower\""))
        {
            lock (_followerWaits)
            {
                _followerCalls++;
                _followerWaits.Where(w => _followerCalls >= w.Count).ToList().ForEach(w => w.Reached.TrySetResult());
            }
        }

        return ModelReply.Text("Done.");
    }
}
