using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Hosting;
using OpenOrchestrator.Silo.Models;

namespace OpenOrchestrator.Silo.Runs;

/// <summary>
/// The model conversation of one run: streamed, the bot's Semantic Kernel functions offered as tools and called
/// automatically, over a provider-neutral chat client (<see cref="RunModelClient"/>: fallbacks, budgets, usage and cost per call).
/// </summary>
public sealed class RunAgent(IOptions<RunOptions> options, IOptions<ModelOptions> models, RunModelSources sources, RunBudget budget, RunMetrics metrics)
{
    public async Task<string> RunAsync(Kernel kernel, RunContext run, CancellationToken cancellationToken)
    {
        var limits = new RunModelLimits(options.Value.MaxOutputTokens, options.Value.MaxTokens, TimeSpan.FromSeconds(models.Value.CallTimeoutSeconds));
        using var client = new FunctionInvokingChatClient(new RunModelClient(run, sources, budget, metrics, limits))
        {
            // Tool errors are written for the model to recover from (a page that is blocked, a file that is missing).
            IncludeDetailedErrors = true,
            // The run's step limit is the one that counts; this only keeps the loop from ending first.
            MaximumIterationsPerRequest = options.Value.MaxSteps + 2,
        };
        var chatOptions = new ChatOptions
        {
            Tools = RunTool.For(kernel, run, options.Value.MaxSteps),
            ToolMode = ChatToolMode.Auto,
            MaxOutputTokens = options.Value.MaxOutputTokens,
        };
        var output = new StringBuilder();
        await foreach (var update in client.GetStreamingResponseAsync(RunPrompt.Create(run.Ticket), chatOptions, cancellationToken))
        {
            output.Append(update.Text);
        }

        // A token limit reached on the last call stops the run all the same.
        cancellationToken.ThrowIfCancellationRequested();
        var text = output.ToString().Trim();
        if (text.Length > 0)
        {
            run.Log(LogKinds.Output, text);
        }

        return text;
    }
}
