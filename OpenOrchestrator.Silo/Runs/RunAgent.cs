using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI.Chat;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Hosting;

namespace OpenOrchestrator.Silo.Runs;

/// <summary>The model conversation of one run: streamed, with automatic function calling.</summary>
public sealed class RunAgent(IOptions<RunOptions> options, RunMetrics metrics)
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

        // Automatic function calling hides the model calls inside one stream: a call ends with its usage, the next begins with its first update.
        var call = StartModelCall(run);
        try
        {
            await foreach (var update in chat.GetStreamingChatMessageContentsAsync(RunPrompt.Create(run.Ticket), settings, kernel, cancellationToken))
            {
                call ??= StartModelCall(run);
                output.Append(update.Content);
                if (update.Metadata?.TryGetValue("Usage", out var value) == true && value is ChatTokenUsage usage)
                {
                    EndModelCall(call, usage);
                    call = null;
                    Count(run, usage, cancellationToken);
                }
            }
        }
        finally
        {
            call?.Dispose();
        }

        var text = output.ToString().Trim();
        if (text.Length > 0)
        {
            run.Log(LogKinds.Output, text);
        }

        return text;
    }

    /// <summary>A model call's span (GenAI semantic conventions), a child of the run's span; prompts and replies are not recorded.</summary>
    private static System.Diagnostics.Activity? StartModelCall(RunContext run) =>
        Telemetry.StartDetached($"chat {run.Ticket.Bot.Model}", ActivityKind.Client, run.Span)?
            .SetTag("gen_ai.operation.name", "chat")
            .SetTag("gen_ai.request.model", run.Ticket.Bot.Model)
            .SetTag("openorchestrator.run.id", run.RunId);

    private static void EndModelCall(System.Diagnostics.Activity? call, ChatTokenUsage usage)
    {
        call?.SetTag("gen_ai.usage.input_tokens", usage.InputTokenCount)
            .SetTag("gen_ai.usage.output_tokens", usage.OutputTokenCount);
        call?.Dispose();
    }

    /// <summary>Adds one call's usage to the run, and stops the run once it is over its token budget.</summary>
    private void Count(RunContext run, ChatTokenUsage usage, CancellationToken cancellationToken)
    {
        run.AddUsage(usage.InputTokenCount, usage.OutputTokenCount);
        metrics.Tokens(run.Ticket.Bot.Model, usage.InputTokenCount, usage.OutputTokenCount);
        run.Log(LogKinds.Model,
            $"Model call {run.ModelCalls} ({run.Ticket.Bot.Model}): {usage.InputTokenCount} prompt + {usage.OutputTokenCount} completion tokens.");
        if (run.TotalTokens > options.Value.MaxTokens)
        {
            run.Stop(RunStopReason.TokenLimit);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
