using OpenOrchestrator.Testing;

namespace OpenOrchestrator.EndToEnd.Tests;

/// <summary>The scripted servers a real silo process talks to, and the environment that points it at them.</summary>
public sealed class SiloEnvironment : IAsyncLifetime
{
    public ScriptedModelServer Model { get; private set; } = null!;
    public ShopSite Shop { get; private set; } = null!;
    public string DataPath { get; } = TempDirectory.Create("oo-e2e-");

    public async Task InitializeAsync()
    {
        Model = await ScriptedModelServer.StartAsync(_ => ModelReply.Text("Nothing to do."));
        Shop = await ShopSite.StartAsync();
    }

    public Dictionary<string, string> Variables(params (string Key, string Value)[] extra)
    {
        var variables = new Dictionary<string, string>
        {
            ["OPENAI_API_KEY"] = "e2e-key",
            ["OPENAI_BASE_URL"] = Model.BaseUrl.ToString(),
            ["Models__Default"] = "scripted-model",
            ["Tools__Network__AllowedHosts"] = Shop.BaseUrl.Authority,
            ["Auth__SignInAttemptsPerMinute"] = "100000",
        };
        foreach (var (key, value) in extra)
        {
            variables[key] = value;
        }

        return variables;
    }

    public async Task DisposeAsync()
    {
        await Model.DisposeAsync();
        await Shop.DisposeAsync();
        TempDirectory.DeleteQuietly(DataPath);
    }
}
