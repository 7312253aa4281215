using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Infrastructure;

/// <summary>The real Silo in process (Orleans, EF Core on a fresh SQLite file), pointed at scripted servers.</summary>
public sealed class OrchestratorApp(IReadOnlyDictionary<string, string?> settings, string? dataPath = null) : WebApplicationFactory<Program>
{
    /// <summary>A fresh folder, or one shared with another app (a second silo of the same cluster).</summary>
    public string DataPath { get; } = dataPath ?? TempDirectory.Create("oo-api-");

    public static IReadOnlyDictionary<string, string?> SettingsFor(ScriptedModelServer model, params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["OPENAI_BASE_URL"] = model.BaseUrl.ToString(),
            ["OPENAI_API_KEY"] = "server-key",
            ["Models:Default"] = "scripted-model",
            ["Auth:Registration"] = "open",
            ["Auth:SignInAttemptsPerMinute"] = "100000",
            ["Api:RequestsPerSecond"] = "100000",
            ["Api:Burst"] = "100000",
            ["Orleans:SiloPort"] = Ports.Free().ToString(),
            ["Orleans:GatewayPort"] = Ports.Free().ToString(),
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Orchestrator:DataPath", DataPath);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        TempDirectory.DeleteQuietly(DataPath);
    }
}
