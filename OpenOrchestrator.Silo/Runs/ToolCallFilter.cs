using System.Text.Json;
using Microsoft.SemanticKernel;
using OpenOrchestrator.Contracts;

namespace OpenOrchestrator.Silo.Runs;

/// <summary>Logs every tool call of a run and holds it to the step limit.</summary>
public sealed class ToolCallFilter(RunContext run, int maxSteps) : IAutoFunctionInvocationFilter
{
    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
    {
        var step = run.NextToolCall();
        if (step > maxSteps)
        {
            run.Log(LogKinds.Error, $"Step limit reached: {maxSteps} tool calls.");
            run.Stop(RunStopReason.StepLimit);
            context.CancellationToken.ThrowIfCancellationRequested();
            return;
        }

        var name = $"{context.Function.PluginName}.{context.Function.Name}";
        run.Log(LogKinds.Tool, $"→ {name}({Describe(context.Arguments)})");
        await next(context);
        var result = context.Result.GetValue<object>() switch
        {
            string text => text,
            null => "",
            var other => JsonSerializer.Serialize(other),
        };
        run.Log(LogKinds.Tool, $"← {name}: {RunContext.Truncate(result.ReplaceLineEndings(" "), 300)}");
    }

    private static string Describe(KernelArguments? arguments) =>
        arguments is null ? "" : string.Join(", ", arguments.Select(a => $"{a.Key}: {RunContext.Truncate(a.Value?.ToString() ?? "null", 120)}"));
}
