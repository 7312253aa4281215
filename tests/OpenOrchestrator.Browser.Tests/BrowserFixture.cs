using Microsoft.Playwright;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Browser.Tests;

/// <summary>
/// The real silo process with the scripted model server behind it, and Debian's Chromium driven by
/// Playwright. Screenshots go to artifacts/screenshots at the repository root; those the docs show
/// also to docs/screenshots, where they are committed.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly string _dataPath = TempDirectory.Create("oo-browser-");
    private IPlaywright _playwright = null!;

    public ScriptedModelServer Model { get; private set; } = null!;
    public SiloProcess Silo { get; private set; } = null!;
    public SmtpSink Smtp { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotFolder { get; } = Path.Combine(SiloProcess.RepositoryRoot(), "artifacts", "screenshots");

    public static string DocsScreenshotFolder { get; } = Path.Combine(SiloProcess.RepositoryRoot(), "docs", "screenshots");

    public async Task InitializeAsync()
    {
        Model = await ScriptedModelServer.StartAsync(_ => ModelReply.Text("Nothing to do."));
        Smtp = await SmtpSink.StartAsync();
        Silo = await SiloProcess.StartAsync(_dataPath, Environment());
        (_playwright, Browser) = await Chromium.LaunchAsync();

        // The first page of a cold WebAssembly app on a busy 2-core machine takes longer than Expect's 5 s.
        Assertions.SetDefaultExpectTimeout(30_000);
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>Stops the silo (SIGTERM), runs <paramref name="whileDown"/>, starts it again on the same address and data.</summary>
    public async Task RestartSiloAsync(Func<Task> whileDown)
    {
        var port = Silo.BaseUrl.Port;
        await Silo.TerminateAsync();
        await Silo.DisposeAsync();
        await whileDown();
        Silo = await SiloProcess.StartAsync(_dataPath, Environment(), port);
    }

    private Dictionary<string, string> Environment() => new()
    {
        ["OPENAI_API_KEY"] = "browser-key",
        ["OPENAI_BASE_URL"] = Model.BaseUrl.ToString(),
        ["Models__Default"] = "scripted-model",
        ["Auth__Registration"] = "open",
        ["Auth__SignInAttemptsPerMinute"] = "100000",
        ["Smtp__Host"] = Smtp.Host,
        ["Smtp__Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp__From"] = "bots@orchestrator.example",
    };

    /// <summary>
    /// A fresh browser profile (no cookies) on the silo (or <paramref name="silo"/>, one a test class started), at a desktop or a
    /// phone size, its system light or dark, asking for English unless told otherwise (the app follows the browser's language).
    /// </summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, SiloProcess? silo = null, ColorScheme colorScheme = ColorScheme.Light,
        string locale = "en-US")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (silo ?? Silo).BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = colorScheme,
            Locale = locale,
        });

        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = true });

    /// <summary>A screenshot the docs show: copied into docs/screenshots only with OO_UPDATE_DOCS_SCREENSHOTS=1, so a test run leaves the tree clean.</summary>
    public static async Task DocsScreenshotAsync(IPage page, string name)
    {
        await ScreenshotAsync(page, name);
        if (System.Environment.GetEnvironmentVariable("OO_UPDATE_DOCS_SCREENSHOTS") == "1")
        {
            File.Copy(Path.Combine(ScreenshotFolder, $"{name}.png"), Path.Combine(DocsScreenshotFolder, $"{name}.png"), overwrite: true);
        }
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await Silo.DisposeAsync();
        await Model.DisposeAsync();
        await Smtp.DisposeAsync();
        TempDirectory.DeleteQuietly(_dataPath);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
