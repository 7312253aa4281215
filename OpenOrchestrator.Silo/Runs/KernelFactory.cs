using Microsoft.SemanticKernel;
using OpenOrchestrator.Silo.Tools;

namespace OpenOrchestrator.Silo.Runs;

/// <summary>
/// A Kernel per run: the plugins registered for every run (results.report), and the tool plugins its bot
/// enables; the model is RunAgent's.
/// </summary>
public sealed class KernelFactory(IEnumerable<KernelPlugin> everyRun, ToolPlugins tools)
{
    private readonly KernelPlugin[] _everyRun = [.. everyRun];

    public Kernel Create(RunContext run)
    {
        var kernel = new Kernel();
        kernel.Data[RunContext.KernelDataKey] = run;

        kernel.Plugins.AddRange(_everyRun);
        tools.AddTo(kernel, run.BotId, run.Ticket.Bot.Tools, run.Ticket.ReadableSourceBotId);
        return kernel;
    }
}
