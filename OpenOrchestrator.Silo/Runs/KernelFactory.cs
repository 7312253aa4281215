using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Documents;
using OpenOrchestrator.Silo.Live;
using OpenOrchestrator.Silo.Results;
using OpenOrchestrator.Silo.Tools;
using OpenOrchestrator.Silo.Tools.Browser;

namespace OpenOrchestrator.Silo.Runs;

/// <summary>
/// A Kernel per run with only the plugins the bot enables (DESIGN D6, D8); the model is RunAgent's. Plugins
/// without per-run state are built once (their reflection is not free) and shared by every Kernel.
/// </summary>
public sealed class KernelFactory(
    ResultStore results,
    LivePublisher live,
    DocumentStore documents,
    IHttpClientFactory http,
    IOptions<BrowserOptions> browser,
    IOptions<WebSearchOptions> webSearch,
    CodeRunner code,
    CodeOptions codeOptions,
    BrowserSessions browserSessions,
    DomainPace pace)
{
    public const string BrowserClient = "browser";
    public const string WebSearchClient = "web-search";

    private readonly KernelPlugin _results = KernelPluginFactory.CreateFromObject(new ResultsPlugin(results, live), "results");
    // fetch, and the rendered-page functions that act on the session each run's Kernel holds.
    private readonly KernelPlugin _browser = KernelPluginFactory.CreateFromFunctions(BrowserPlugin.PluginName,
    [
        .. KernelPluginFactory.CreateFromObject(new BrowserPlugin(http.CreateClient(BrowserClient), browser.Value), BrowserPlugin.PluginName),
        .. KernelPluginFactory.CreateFromObject(new PagePlugin(pace, documents), BrowserPlugin.PluginName),
    ]);
    private readonly KernelPlugin _web = KernelPluginFactory.CreateFromObject(
        new WebSearchPlugin(http.CreateClient(WebSearchClient), webSearch.Value), WebSearchPlugin.PluginName);

    public Kernel Create(RunContext run)
    {
        var kernel = new Kernel();
        kernel.Data[RunContext.KernelDataKey] = run;

        kernel.Plugins.Add(_results);
        foreach (var tool in run.Ticket.Bot.Tools)
        {
            switch (tool)
            {
                case ToolNames.Browser:
                    kernel.Data[BrowserSession.KernelDataKey] = browserSessions.Start(run.BotId);
                    kernel.Plugins.Add(_browser);
                    break;
                case ToolNames.Files:
                    kernel.Plugins.AddFromObject(new FilesPlugin(documents, run.BotId, run.Ticket.ReadableSourceBotId), FilesPlugin.PluginName);
                    break;
                case ToolNames.WebSearch:
                    kernel.Plugins.Add(_web);
                    break;
                case ToolNames.Code:
                    kernel.Plugins.AddFromObject(new CodePlugin(code, codeOptions, documents, run.BotId), CodePlugin.PluginName);
                    break;
            }
        }

        return kernel;
    }

    /// <summary>What a run's Kernel holds beyond the run (its browser context); disposing it saves the bot's browser profile.</summary>
    public static IAsyncDisposable Resources(Kernel kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        return kernel.Data.TryGetValue(BrowserSession.KernelDataKey, out var session) && session is IAsyncDisposable disposable
            ? disposable
            : NoResources.Instance;
    }

    private sealed class NoResources : IAsyncDisposable
    {
        public static readonly NoResources Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
