using System.ClientModel;
using Microsoft.Extensions.DependencyInjection;
using System.ComponentModel;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;

namespace OpenOrchestrator.Bench;

/// <summary>The baseline: a Kernel, the OpenAI connector and one in-memory plugin; nothing stored.</summary>
public sealed class BareKernelRun
{
    private readonly Kernel _kernel;

    public BareKernelRun(Uri baseUrl)
    {
        var client = new OpenAIClient(new ApiKeyCredential("bench"), new OpenAIClientOptions { Endpoint = baseUrl });
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton<IChatCompletionService>(new OpenAIChatCompletionService("scripted-model", client));
        _kernel = builder.Build();
        _kernel.Plugins.AddFromObject(new ResultsPlugin(), "results");
    }

    public async Task RunAsync()
    {
        var chat = _kernel.GetRequiredService<IChatCompletionService>();
        var history = new ChatHistory(OverheadScript.Prompt);
        history.AddUserMessage("Run your task now.");
        var settings = new OpenAIPromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };
        await foreach (var _ in chat.GetStreamingChatMessageContentsAsync(history, settings, _kernel))
        {
        }
    }

    private sealed class ResultsPlugin
    {
        [KernelFunction("report"), Description("Report one finding.")]
        public string Report(string title, string? url = null, string? content = null, string? price = null) => $"Stored {title}.";
    }
}
