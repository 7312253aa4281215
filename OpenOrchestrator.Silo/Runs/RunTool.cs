using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Hosting;

namespace OpenOrchestrator.Silo.Runs;

/// <summary>
/// A bot's Semantic Kernel function as the model sees it, <c>plugin-function</c> (the contract's names), invoked
/// with the run's Kernel: every call is logged, gets a span, and counts against the run's step limit.
/// </summary>
public sealed class RunTool(KernelFunction function, Kernel kernel, RunContext run, int maxSteps) : DelegatingAIFunction(function)
{
    public override string Name { get; } = $"{function.PluginName}-{function.Name}";

    public static IList<AITool> For(Kernel kernel, RunContext run, int maxSteps) =>
        [.. kernel.Plugins.SelectMany(plugin => plugin).Select(function => new RunTool(function, kernel, run, maxSteps))];

    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var step = run.NextToolCall();
        if (step > maxSteps)
        {
            run.Log(LogKinds.Error, $"Step limit reached: {maxSteps} tool calls.");
            run.Stop(RunStopReason.StepLimit);
            cancellationToken.ThrowIfCancellationRequested();
            throw new OperationCanceledException(cancellationToken);
        }

        var name = $"{function.PluginName}.{function.Name}";
        run.Log(LogKinds.Tool, $"→ {name}({Describe(arguments)})");

        // Arguments stay out of the span: they may hold what the bot read or was told.
        using var span = Telemetry.Source.StartActivity($"tool {name}", ActivityKind.Internal, run.Span)?
            .SetTag("gen_ai.operation.name", "execute_tool")
            .SetTag("gen_ai.tool.name", name)
            .SetTag("openorchestrator.run.id", run.RunId);
        var result = (await function.InvokeAsync(kernel, new KernelArguments(arguments), cancellationToken)).GetValue<object>();
        var text = result switch
        {
            string s => s,
            JsonElement { ValueKind: JsonValueKind.String } element => element.GetString() ?? "",
            null => "",
            var other => JsonSerializer.Serialize(other),
        };
        run.Log(LogKinds.Tool, $"← {name}: {RunContext.Truncate(text.ReplaceLineEndings(" "), 300)}");
        return result;
    }

    private static string Describe(AIFunctionArguments arguments) =>
        string.Join(", ", arguments.Select(a => $"{a.Key}: {RunContext.Truncate(a.Value?.ToString() ?? "null", 120)}"));
}
