using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Documents;
using OpenOrchestrator.Silo.Tools.Browser;

namespace OpenOrchestrator.Silo.Tools;

/// <summary>
/// The tool plugins a bot enables, added to its run's Kernel (DESIGN D6, D8). Plugins without per-run
/// state are built once (their reflection is not free) and shared by every Kernel.
/// </summary>
public sealed class ToolPlugins(
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

    // fetch, and the rendered-page functions that act on the session each run's Kernel holds.
    private readonly KernelPlugin _browser = KernelPluginFactory.CreateFromFunctions(BrowserPlugin.PluginName,
    [
        .. KernelPluginFactory.CreateFromObject(new BrowserPlugin(http.CreateClient(BrowserClient), browser.Value), BrowserPlugin.PluginName),
        .. KernelPluginFactory.CreateFromObject(new PagePlugin(pace, documents), BrowserPlugin.PluginName),
    ]);
    private readonly KernelPlugin _web = KernelPluginFactory.CreateFromObject(
        new WebSearchPlugin(http.CreateClient(WebSearchClient), webSearch.Value), WebSearchPlugin.PluginName);

    /// <summary>Adds the plugins of <paramref name="tools"/> for the bot; the files tool may also read <paramref name="readableSourceBotId"/>'s documents.</summary>
    public void AddTo(Kernel kernel, string botId, IEnumerable<string> tools, string? readableSourceBotId)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        foreach (var tool in tools)
        {
            switch (tool)
            {
                case ToolNames.Browser:
                    kernel.Data[BrowserSession.KernelDataKey] = browserSessions.Start(botId);
                    kernel.Plugins.Add(_browser);
                    break;
                case ToolNames.Files:
                    kernel.Plugins.AddFromObject(new FilesPlugin(documents, botId, readableSourceBotId), FilesPlugin.PluginName);
                    break;
                case ToolNames.WebSearch:
                    kernel.Plugins.Add(_web);
                    break;
                case ToolNames.Code:
                    kernel.Plugins.AddFromObject(new CodePlugin(code, codeOptions, documents, botId), CodePlugin.PluginName);
                    break;
            }
        }
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
