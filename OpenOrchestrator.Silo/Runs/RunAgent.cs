using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI.Chat;
using OpenOrchestrator.Contracts;

namespace OpenOrchestrator.Silo.Runs;

/// <summary>The model conversation of one run: streamed, with automatic function calling.</summary>
public sealed class RunAgent(IOptions<RunOptions> options)
{
    public async Task<string> RunAsync(Kernel kernel, RunContext run, CancellationToken cancellationToken)
    {
        var chat = kernel.GetRequiredService<IChatCompletionService>();
        var settings = new OpenAIPromptExecutionSettings
        {
            FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(),
            MaxTokens = options.Value.MaxOutputTokens,
        };

        var output = new StringBuilder();
        await foreach (var update in chat.GetStreamingChatMessageContentsAsync(RunPrompt.Create(run.Ticket), settings, kernel, cancellationToken))
        {
            output.Append(update.Content);
            if (update.Metadata?.TryGetValue("Usage", out var value) == true && value is ChatTokenUsage usage)
            {
                run.AddUsage(usage.InputTokenCount, usage.OutputTokenCount);
                run.Log(LogKinds.Model,
                    $"Model call {run.ModelCalls} ({run.Ticket.Bot.Model}): {usage.InputTokenCount} prompt + {usage.OutputTokenCount} completion tokens.");
                if (run.TotalTokens > options.Value.MaxTokens)
                {
                    run.Stop(RunStopReason.TokenLimit);
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
        }

        var text = output.ToString().Trim();
        if (text.Length > 0)
        {
            run.Log(LogKinds.Output, text);
        }

        return text;
    }
}
