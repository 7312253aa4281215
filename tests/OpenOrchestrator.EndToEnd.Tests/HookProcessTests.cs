using System.Net;
using System.Net.Http.Json;
using System.Text;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.EndToEnd.Tests;

/// <summary>Web hooks on the real process: a repeated key across a kill, and the body limit on Kestrel's socket.</summary>
public sealed class HookProcessTests : IAsyncLifetime
{
    private readonly SiloEnvironment _env = new();

    public Task InitializeAsync() => _env.InitializeAsync();

    public Task DisposeAsync() => _env.DisposeAsync();

    [Fact]
    public Task ARepeatedKeyAfterARestartAnswersWithTheFirstRun() => RepeatAcrossRestartAsync();

    [Fact]
    [Trait("Category", "PostgreSQL")]
    public Task ARepeatedKeyAfterARestartAnswersWithTheFirstRunOnPostgreSql() => RepeatAcrossRestartAsync(_env.PostgreSqlDatabase());

    [Fact]
    public async Task ABodyOfExactlyOneMebibyteIsTakenAndOneByteMoreIsRefusedChunkedOrNot()
    {
        _env.Model.SetScript(_ => ModelReply.Text("Done."));
        await using var silo = await SiloProcess.StartAsync(_env.DataPath, _env.Variables());
        var client = silo.CreateClient();
        await client.SignUpAsync($"{Guid.NewGuid():N}@example.com");
        var hook = await client.CreateHookAsync((await client.CreateBotAsync(ApiClient.Spec("Big"))).Id);
        var sender = silo.CreateClient();
        var statuses = new List<(int Bytes, bool Chunked, HttpStatusCode Status, string Body)>();

        foreach (var bytes in new[] { 1024 * 1024, 1024 * 1024 + 1 })
        {
            foreach (var chunked in new[] { false, true })
            {
                var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(new string('a', bytes))));
                var request = HookRequests.Call(hook.Url, content);
                request.Headers.TransferEncodingChunked = chunked;
                try
                {
                    var response = await sender.SendAsync(request);
                    statuses.Add((bytes, chunked, response.StatusCode, await response.Content.ReadAsStringAsync()));
                }
                catch (HttpRequestException e)
                {
                    throw new InvalidOperationException($"{bytes} bytes, chunked {chunked}: {e.Message}", e);
                }
            }
        }

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.RequestEntityTooLarge], statuses.Select(s => s.Status));
        Assert.All(statuses.Skip(2), s => Assert.Contains("larger than the limit of 1 MB", s.Body, StringComparison.Ordinal));
    }

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
