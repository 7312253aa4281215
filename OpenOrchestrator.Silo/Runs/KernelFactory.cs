using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Documents;
using OpenOrchestrator.Silo.Live;
using OpenOrchestrator.Silo.Results;
using OpenOrchestrator.Silo.Tools;

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
    CodeOptions codeOptions)
{
    public const string BrowserClient = "browser";
    public const string WebSearchClient = "web-search";

    private readonly KernelPlugin _results = KernelPluginFactory.CreateFromObject(new ResultsPlugin(results, live), "results");
    private readonly KernelPlugin _browser = KernelPluginFactory.CreateFromObject(
        new BrowserPlugin(http.CreateClient(BrowserClient), browser.Value), BrowserPlugin.PluginName);
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
}
