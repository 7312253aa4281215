using System.Net;
using System.Net.Http.Json;
using System.Text;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.EndToEnd.Tests;

/// <summary>The product as a user starts it: its own process, embedded SQLite under the data directory.</summary>
public sealed class ProcessTests : IAsyncLifetime
{
    private readonly SiloEnvironment _env = new();

    public Task InitializeAsync() => _env.InitializeAsync();

    public Task DisposeAsync() => _env.DisposeAsync();

    [Fact]
    public async Task TheScoutFindsTwoOffersThenOnlyTheOneThatAppeared()
    {
        await using var silo = await SiloProcess.StartAsync(_env.DataPath, _env.Variables());

        await ScoutFlow.RunAsync(silo.CreateClient(), _env);

        Assert.True(File.Exists(Path.Combine(_env.DataPath, "orchestrator.db")));
        Assert.DoesNotContain("e2e-key", silo.Output);
    }

    [Fact]
    public async Task StartedFromAnotherFolderWithTheAllowListAsAListTheServerFindsItsOwnFiles()
    {
        var elsewhere = TempDirectory.Create("oo-elsewhere-");
        try
        {
            var variables = _env.Variables(("Tools__Network__AllowedHosts__0", _env.Shop.BaseUrl.Authority), ("Tools__Network__AllowedHosts__1", "intranet.local"));
            variables.Remove("Tools__Network__AllowedHosts");
            await using var silo = await SiloProcess.StartAsync(_env.DataPath, variables, workingDirectory: elsewhere);
            var client = silo.CreateClient();

            var page = await client.GetStringAsync("/");
            var script = await client.GetAsync("/js/clock.js");
            await ScoutFlow.RunAsync(client, _env);

            Assert.Contains("Loading OpenOrchestrator", page, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
            // appsettings.json was found: it keeps ASP.NET Core's per-request lines out of the log.
            Assert.DoesNotContain("Request starting", silo.Output, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFileSystemEntries(elsewhere));
        }
        finally
        {
            TempDirectory.DeleteQuietly(elsewhere);
        }
    }

    [Fact]
    public async Task ARunCutOffByKillIsMarkedInterruptedAtTheNextStart()
    {
        var modelCalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _env.Model.Script = async (_, cancellationToken) =>
        {
            modelCalled.TrySetResult();
            await new TaskCompletionSource().Task.WaitAsync(cancellationToken);
            return ModelReply.Text("never");
        };
        string botId, runId;
        var client = new HttpClient();
        await using (var silo = await SiloProcess.StartAsync(_env.DataPath, _env.Variables()))
        {
            client = silo.CreateClient();
            await client.SignUpAsync("killed@example.com");
            botId = (await client.CreateBotAsync(ApiClient.Spec())).Id;
            runId = (await client.StartRunAsync(botId)).Id;
            await modelCalled.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await silo.KillAsync();
        }

        _env.Model.SetScript(_ => ModelReply.Text("Back again."));
        await using var restarted = await SiloProcess.StartAsync(_env.DataPath, _env.Variables());
        var again = restarted.CreateClient();
        again.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;

        var run = (await again.GetFromJsonAsync<RunView>($"/api/runs/{runId}"))!;
        Assert.Equal(RunStatuses.Failed, run.Status);
        Assert.Equal("interrupted", run.Error);
        Assert.Equal(BotStatuses.Failed, (await again.GetFromJsonAsync<BotView>($"/api/bots/{botId}"))!.Status);
        Assert.Equal(RunStatuses.Completed, (await again.RunAsync(botId)).Status);
    }

    [Fact]
    public async Task AnOversizeBodyIsRefusedWithAProblem()
    {
        await using var silo = await SiloProcess.StartAsync(_env.DataPath, _env.Variables(("Api__MaxBodyBytes", "65536")));
        var client = silo.CreateClient();
        await client.SignUpAsync("big@example.com");

        var response = await client.PostAsync("/api/bots", new StringContent($$"""{"name":"x","prompt":"{{new string('p', 100_000)}}"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty((await client.GetFromJsonAsync<List<BotView>>("/api/bots"))!);
    }
}
