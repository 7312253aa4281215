using System.Diagnostics;
using Microsoft.Extensions.AI;
using OpenOrchestrator.Silo.Hosting;
using OpenOrchestrator.Silo.Models;

namespace OpenOrchestrator.Silo.Runs;

/// <summary>
/// One model call of a run, as it streams: what it was estimated to cost (reserved against the budgets before it
/// began), what it used, whether it was a valid completion, and its span (GenAI conventions; no prompts or replies).
/// </summary>
public sealed class ModelCall : IAsyncDisposable
{
    private readonly RunModelSource _source;
    private readonly RunBudget _budget;
    private readonly BudgetReservation _reservation;
    private readonly System.Diagnostics.Activity? _span;
    private int _input;
    private int _output;
    private bool _finished;
    private bool _settled;

    private ModelCall(RunModelSource source, RunBudget budget, BudgetReservation reservation, System.Diagnostics.Activity? span)
    {
        _source = source;
        _budget = budget;
        _reservation = reservation;
        _span = span;
    }

    public string Model => _source.Model;

    /// <summary>True once text or a tool call has gone on to the caller: too late to try another model.</summary>
    public bool Answered { get; private set; }

    public static async Task<ModelCall> StartAsync(
        RunContext run, RunModelSource source, RunBudget budget, IReadOnlyList<ChatMessage> conversation, ChatOptions options, CancellationToken cancellationToken)
    {
        var reservation = await budget.ReserveAsync(run, source.Model, () => source.Price is { } price
            ? ModelPrices.Cost(price, PromptTokens.Estimate(conversation, options), options.MaxOutputTokens ?? 0)
            : 0, cancellationToken);
        var span = Telemetry.StartDetached($"chat {source.Model}", ActivityKind.Client, run.Span)?
            .SetTag("gen_ai.operation.name", "chat")
            .SetTag("gen_ai.provider.name", source.Provider.Name)
            .SetTag("gen_ai.request.model", source.Model)
            .SetTag("openorchestrator.run.id", run.RunId);
        return new ModelCall(source, budget, reservation, span);
    }

    /// <summary>Takes in one update; a tool call whose arguments cannot be read is a failed answer.</summary>
    public Exception? Saw(ChatResponseUpdate update)
    {
        foreach (var content in update.Contents)
        {
            switch (content)
            {
                case UsageContent { Details: var usage }:
                    _input = (int)(usage.InputTokenCount ?? _input);
                    _output = (int)(usage.OutputTokenCount ?? _output);
                    break;
                case FunctionCallContent { Exception: { } error } call:
                    return new ModelAnswerException($"{Model} asked for the tool {call.Name} with arguments that are not valid JSON ({error.Message}).");
                case FunctionCallContent:
                    Answered = true;
                    break;
                case TextContent { Text.Length: > 0 }:
                    Answered = true;
                    break;
            }
        }

        _finished |= update.FinishReason is not null;
        return null;
    }

    /// <summary>At the end of the stream: a valid completion said how it finished.</summary>
    public Exception? Validate() =>
        !Answered && !_finished ? new ModelAnswerException($"{Model} sent no completion: the answer was empty or not in the provider's format.")
        : !_finished ? new ModelAnswerException($"{Model}'s answer ended before it was complete.")
        : null;

    /// <summary>The call's tokens and cost, settled against the budgets once (before the run goes on, so its end is stored after).</summary>
    public async Task<(int Input, int Output, double? Cost)> FinishAsync()
    {
        var cost = _source.Price is { } price ? ModelPrices.Cost(price, _input, _output) : (double?)null;
        if (!_settled)
        {
            _settled = true;
            _span?.SetTag("gen_ai.usage.input_tokens", _input).SetTag("gen_ai.usage.output_tokens", _output);
            await _budget.SettleAsync(_reservation, cost ?? 0);
        }

        return (_input, _output, cost);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_settled)
            {
                await FinishAsync();
            }
        }
        catch (Exception) when (_settled)
        {
            // Unwinding a failed call: the reservation stays held until the budget's grain forgets the run, which errs towards refusing.
        }
        finally
        {
            _span?.Dispose();
        }
    }
}
