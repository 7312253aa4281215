using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Browser.Tests;

/// <summary>
/// A second silo process, for one test class, with two providers at once: a scripted OpenAI server and a scripted
/// Anthropic server. No Models__Default, so new bots get the Claude Sonnet model. Pages on it come from
/// <see cref="BrowserFixture.NewPageAsync"/> with this <see cref="Silo"/>.
/// </summary>
public sealed class ProvidersFixture : IAsyncLifetime
{
    public const string Sonnet = "claude-sonnet-4-5-20250929";
    public const string Haiku = "claude-haiku-4-5";
    public const string Mini = "gpt-4o-mini";

    private readonly string _dataPath = TempDirectory.Create("oo-browser-providers-");

    public ScriptedModelServer OpenAi { get; private set; } = null!;
    public ScriptedAnthropicServer Anthropic { get; private set; } = null!;
    public SiloProcess Silo { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        OpenAi = await ScriptedModelServer.StartAsync(_ => ModelReply.Text("OpenAI here."));
        OpenAi.ModelIds = [Mini];
        Anthropic = await ScriptedAnthropicServer.StartAsync(_ => ModelReply.Text("Claude here."));
        Anthropic.ModelIds = [Sonnet, Haiku];
        Silo = await SiloProcess.StartAsync(_dataPath, new Dictionary<string, string>
        {
            ["OPENAI_API_KEY"] = "browser-key",
            ["OPENAI_BASE_URL"] = OpenAi.BaseUrl.ToString(),
            ["ANTHROPIC_API_KEY"] = "browser-anthropic-key",
            ["ANTHROPIC_BASE_URL"] = Anthropic.BaseUrl.ToString(),
            ["Auth__Registration"] = "open",
            ["Auth__SignInAttemptsPerMinute"] = "100000",
        });
    }

    public async Task DisposeAsync()
    {
        if (Silo is not null)
        {
            await Silo.DisposeAsync();
        }

        await OpenAi.DisposeAsync();
        await Anthropic.DisposeAsync();
        TempDirectory.DeleteQuietly(_dataPath);
    }
}
