using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OpenOrchestrator.Contracts;

namespace OpenOrchestrator.Testing;

/// <summary>What a script does over the public API: sign up, create bots, run them and wait.</summary>
public static class ApiClient
{
    public const string Password = "Sup3r-secret!";

    public static async Task SignUpAsync(this HttpClient client, string email)
    {
        var registered = await client.PostAsJsonAsync("/api/auth/register", new { email, password = Password });
        await EnsureAsync(registered);
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public static BotSpec Spec(string name = "Scout", string prompt = "Find offers.", params string[] tools) =>
        new() { Name = name, Prompt = prompt, Tools = tools };

    public static async Task<BotView> CreateBotAsync(this HttpClient client, BotSpec spec)
    {
        var response = await client.PostAsJsonAsync("/api/bots", spec);
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<BotView>())!;
    }

    public static async Task<RunView> StartRunAsync(this HttpClient client, string botId, string? input = null)
    {
        var response = await client.PostAsJsonAsync($"/api/bots/{botId}/runs", new StartRunRequest(input));
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<RunView>())!;
    }

    /// <summary>Long-polls the run until it has finished; fails after the deadline.</summary>
    public static async Task<RunView> WaitForRunAsync(this HttpClient client, string runId, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var run = (await client.GetFromJsonAsync<RunView>($"/api/runs/{runId}?wait=5"))!;
            if (RunStatuses.IsFinished(run.Status))
            {
                return run;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Run {runId} still {run.Status} after {seconds} s.");
            }
        }
    }

    /// <summary>The bot's runs once there are at least <paramref name="count"/>, all of them ended (runs started from outside, whose ids the test cannot know).</summary>
    public static async Task<List<RunView>> WaitForEndedRunsAsync(this HttpClient client, string botId, int count, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            var runs = (await client.GetFromJsonAsync<List<RunView>>($"/api/bots/{botId}/runs"))!;
            if (runs.Count >= count && runs.All(r => RunStatuses.IsFinished(r.Status)))
            {
                return runs;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"{count} ended runs of bot {botId} expected within {deadline}; there are {runs.Count}: {string.Join(", ", runs.Select(r => r.Status))}");
            }

            await Task.Delay(200);
        }
    }

    public static async Task<RunView> RunAsync(this HttpClient client, string botId, string? input = null) =>
        await client.WaitForRunAsync((await client.StartRunAsync(botId, input)).Id);

    public static async Task<IReadOnlyList<RunLogLine>> LogAsync(this HttpClient client, string runId) =>
        (await client.GetFromJsonAsync<IReadOnlyList<RunLogLine>>($"/api/runs/{runId}/log"))!;

    public static async Task<IReadOnlyList<ResultView>> ResultsAsync(this HttpClient client, string botId, string filter = "all") =>
        (await client.GetFromJsonAsync<IReadOnlyList<ResultView>>($"/api/bots/{botId}/results?filter={filter}"))!;

    /// <summary>Like EnsureSuccessStatusCode, but the exception carries the problem details the server sent.</summary>
    public static async Task EnsureAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
