using Microsoft.Extensions.DependencyInjection;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Bots;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Live;

/// <summary>Two silos of one cluster on one database: a browser on one sees the runs of bots living on the other.</summary>
public sealed class CrossSiloLiveTests : IAsyncLifetime
{
    private readonly string _dataPath = TempDirectory.Create("oo-two-silos-");
    private ScriptedModelServer _model = null!;
    private OrchestratorApp _first = null!;
    private OrchestratorApp _second = null!;

    public async Task InitializeAsync()
    {
        _model = await ScriptedModelServer.StartAsync(_ => ModelReply.Text("Done on the first silo."));
        var firstSiloPort = FreePort.Next();
        _first = new OrchestratorApp(OrchestratorApp.SettingsFor(_model, ("Orleans:SiloPort", firstSiloPort.ToString())), _dataPath);
        _first.StartServer();
        _second = new OrchestratorApp(OrchestratorApp.SettingsFor(_model, ("Orleans:PrimarySiloPort", firstSiloPort.ToString())), _dataPath);
        _second.StartServer();
    }

    [Fact]
    public async Task ARunOnOneSiloIsLiveForAConnectionOnTheOther()
    {
        var client = await _first.SignUpAsync();
        await using var live = await LiveListener.ConnectAsync(_second, client);
        var botId = await BotLivingOnTheFirstSiloAsync(client);
        Assert.True(await live.WatchAsync(botId));

        var run = await client.RunAsync(botId);

        var finished = await live.WaitForAsync<RunView>(LiveHub.RunFinished, r => r.Id == run.Id);
        var line = await live.WaitForAsync<LiveLogLine>(LiveHub.RunLog, l => l.RunId == run.Id);
        Assert.Equal((RunStatuses.Completed, "Done on the first silo."), (finished.Status, finished.Output));
        Assert.Equal(botId, line.BotId);
    }

    /// <summary>Bots are placed by Orleans; create them until one is activated on the first silo (not the connection's).</summary>
    private async Task<string> BotLivingOnTheFirstSiloAsync(HttpClient client)
    {
        var grains = _first.Services.GetRequiredService<IGrainFactory>();
        var management = grains.GetGrain<IManagementGrain>(0);
        var firstSilo = _first.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        for (var attempt = 0; attempt < 30; attempt++)
        {
            var bot = await client.CreateBotAsync(ApiClient.Spec($"Bot {attempt}"));
            if (await management.GetActivationAddress(grains.GetGrain<IBotGrain>(bot.Id)) == firstSilo)
            {
                return bot.Id;
            }
        }

        throw new InvalidOperationException("No bot was placed on the first silo in 30 tries.");
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
        await _model.DisposeAsync();
        TempDirectory.DeleteQuietly(_dataPath);
    }
}
