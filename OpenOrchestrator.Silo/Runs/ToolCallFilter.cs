using System.Diagnostics;
using System.Text.Json;
using Microsoft.SemanticKernel;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Hosting;

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

        // Arguments stay out of the span: they may hold what the bot read or was told.
        using var span = Telemetry.Source.StartActivity($"tool {name}", ActivityKind.Internal, run.Span)?
            .SetTag("gen_ai.operation.name", "execute_tool")
            .SetTag("gen_ai.tool.name", name)
            .SetTag("openorchestrator.run.id", run.RunId);
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
