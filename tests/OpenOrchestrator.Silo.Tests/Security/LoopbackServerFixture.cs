using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Security;

/// <summary>The app behind Kestrel on a loopback port: requests cross a real socket and HTTP parser, as an attacker's do.</summary>
public sealed class LoopbackServerFixture : IAsyncLifetime
{
    public ScriptedModelServer Model { get; private set; } = null!;
    public OrchestratorApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Model = await ScriptedModelServer.StartAsync(_ => ModelReply.Text("Nothing to do."));
        App = new OrchestratorApp(OrchestratorApp.SettingsFor(Model));
        App.UseKestrel(0);
        App.StartServer();
    }

    public Task<HttpClient> SignUpAsync() => App.SignUpAsync();

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Model.DisposeAsync();
    }
}
