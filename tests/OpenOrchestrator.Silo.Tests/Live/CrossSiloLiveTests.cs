using Microsoft.Extensions.DependencyInjection;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Runs;
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
        _model = await ScriptedModelServer.StartAsync(_ => ModelReply.Text("Done on the other silo."));
        var firstSiloPort = Ports.Free();
        _first = new OrchestratorApp(OrchestratorApp.SettingsFor(_model, ("Orleans:SiloPort", firstSiloPort.ToString())), _dataPath);
        _first.StartServer();
        _second = new OrchestratorApp(OrchestratorApp.SettingsFor(_model, ("Orleans:PrimarySiloPort", firstSiloPort.ToString())), _dataPath);
        _second.StartServer();
    }

    [Fact]
    public async Task ARunOnOneSiloIsLiveForAConnectionOnTheOther()
    {
        var client = await _first.SignUpAsync();
        var botId = (await client.CreateBotAsync(ApiClient.Spec("Bot"))).Id;
        var (host, other) = await SilosOfAsync(botId);
        await using var live = await LiveListener.ConnectAsync(other, client);
        Assert.True(await live.WatchAsync(botId));

        var run = await client.RunAsync(botId);

        var finished = await live.WaitForAsync<RunView>(LiveHub.RunFinished, r => r.Id == run.Id);
        var line = await live.WaitForAsync<LiveLogLine>(LiveHub.RunLog, l => l.RunId == run.Id);
        Assert.Equal((RunStatuses.Completed, "Done on the other silo."), (finished.Status, finished.Output));
        Assert.Equal(botId, line.BotId);
        Assert.NotEqual(host, other.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress);
    }

    /// <summary>Orleans places the bot where it likes: the silo it lives on, and the app of the other one (where the browser connects).</summary>
    private async Task<(SiloAddress Host, OrchestratorApp Other)> SilosOfAsync(string botId)
    {
        var grains = _first.Services.GetRequiredService<IGrainFactory>();
        var host = await grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grains.GetGrain<IBotGrain>(botId));
        Assert.NotNull(host);
        return (host, host == _first.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress ? _second : _first);
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
        await _model.DisposeAsync();
        TempDirectory.DeleteQuietly(_dataPath);
    }
}
