using OpenOrchestrator.Testing;

namespace OpenOrchestrator.LiveBench;

/// <summary>
/// The scripted model server and the real silo process (SiloProcess) on 127.0.0.1, a user signed up over the API
/// (bearer token on <see cref="Api"/>), and the same user's credentials for the browser's cookie sign-in.
/// </summary>
public sealed class BenchSilo : IAsyncDisposable
{
    public const string Email = "livebench@example.com";

    private readonly string _dataPath;

    private BenchSilo(string dataPath, ScriptedModelServer model, SiloProcess silo, HttpClient api) =>
        (_dataPath, Model, Silo, Api) = (dataPath, model, silo, api);

    public ScriptedModelServer Model { get; }
    public SiloProcess Silo { get; }
    public HttpClient Api { get; }

    public static async Task<BenchSilo> StartAsync()
    {
        var dataPath = TempDirectory.Create("oo-livebench-");
        var model = await ScriptedModelServer.StartAsync(LogScript.Reply);
        var silo = await SiloProcess.StartAsync(dataPath, new Dictionary<string, string>
        {
            ["OPENAI_API_KEY"] = "livebench-key",
            ["OPENAI_BASE_URL"] = model.BaseUrl.ToString(),
            ["Models__Default"] = "scripted-model",
            ["Auth__Registration"] = "open",
            ["Auth__SignInAttemptsPerMinute"] = "1000000",
            ["Api__RequestsPerSecond"] = "1000000",
            ["Api__Burst"] = "1000000",
            // Every tool call is two log lines: a run of a few hundred lines needs more than the default 25 steps.
            ["Runs__MaxSteps"] = "1000",
        });
        var api = silo.CreateClient();
        await api.SignUpAsync(Email);
        return new BenchSilo(dataPath, model, silo, api);
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await Silo.DisposeAsync();
        await Model.DisposeAsync();
        TempDirectory.DeleteQuietly(_dataPath);
    }
}
