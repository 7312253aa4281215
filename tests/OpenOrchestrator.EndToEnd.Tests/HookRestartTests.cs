using System.Net.Http.Json;
using System.Text;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.EndToEnd.Tests;

/// <summary>A hook called twice with one idempotency key, the process killed in between: one run, and the second call names it.</summary>
public sealed class HookRestartTests : IAsyncLifetime
{
    private readonly SiloEnvironment _env = new();

    public Task InitializeAsync() => _env.InitializeAsync();

    public Task DisposeAsync() => _env.DisposeAsync();

    [Fact]
    public Task ARepeatedKeyAfterARestartAnswersWithTheFirstRun() => RepeatAcrossRestartAsync();

    [Fact]
    [Trait("Category", "PostgreSQL")]
    public Task ARepeatedKeyAfterARestartAnswersWithTheFirstRunOnPostgreSql() => RepeatAcrossRestartAsync(_env.PostgreSqlDatabase());

    private async Task RepeatAcrossRestartAsync(params (string Key, string Value)[] database)
    {
        _env.Model.SetScript(_ => ModelReply.Text("Done."));
        var variables = _env.Variables(database);
        const string body = """{"order":42}""";
        HookCreated hook;
        string first;
        System.Net.Http.Headers.AuthenticationHeaderValue? login;
        await using (var silo = await SiloProcess.StartAsync(_env.DataPath, variables))
        {
            var client = silo.CreateClient();
            await client.SignUpAsync($"{Guid.NewGuid():N}@example.com");
            login = client.DefaultRequestHeaders.Authorization;
            var bot = await client.CreateBotAsync(ApiClient.Spec("Orders"));
            hook = await client.CreateHookAsync(bot.Id, new HookSpec { RequireSignature = true });
            first = await HookRequests.RunIdAsync(await silo.CreateClient().SendAsync(Signed(hook, body)));
            await client.WaitForRunAsync(first);
            await silo.KillAsync();
        }

        await using var restarted = await SiloProcess.StartAsync(_env.DataPath, variables);
        var again = restarted.CreateClient();
        again.DefaultRequestHeaders.Authorization = login;
        var repeat = await HookRequests.RunIdAsync(await restarted.CreateClient().SendAsync(Signed(hook, body)));

        Assert.Equal(first, repeat);
        var run = (await again.GetFromJsonAsync<RunView>($"/api/runs/{first}"))!;
        var runs = (await again.GetFromJsonAsync<List<RunView>>($"/api/bots/{run.BotId}/runs"))!;
        Assert.Equal([first], runs.Select(r => r.Id));
        Assert.Equal((RunStatuses.Completed, body, RunTriggers.FromHook(hook.Id)), (run.Status, run.Input, run.Trigger));
    }

    /// <summary>Signed with the hook's secret, so the restarted process must still be able to read it.</summary>
    private static HttpRequestMessage Signed(HookCreated hook, string body) =>
        HookRequests.Call(hook.Url, body, idempotencyKey: "order-42", signature: Sign(hook.SigningSecret!, body));

    private static string Sign(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));
}
