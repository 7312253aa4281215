using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Costs;
using OpenOrchestrator.Silo.Hosting;

namespace OpenOrchestrator.Silo.Runs;

/// <summary>
/// The model seam of one run, beneath the function-calling loop (<see cref="RunAgent"/>): each model call goes to the bot's
/// model, or in order to its fallbacks while providers fail; is checked against the budgets first; and is
/// counted (tokens, cost, span, log line) and held to being a valid completion after.
/// </summary>
public sealed class RunModelClient(RunContext run, RunModelSources sources, RunBudget budget, RunMetrics metrics, RunModelLimits limits) : IChatClient
{
    private readonly IReadOnlyList<string> _models = [run.Ticket.Bot.Model, .. run.Ticket.Bot.FallbackModels];

    /// <summary>Each model's source, found at its first call: a run's calls all go the same way.</summary>
    private readonly Dictionary<string, RunModelSource?> _sources = [];

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var conversation = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        options = options?.Clone() ?? new ChatOptions();
        options.MaxOutputTokens ??= limits.MaxOutputTokens;
        for (var i = 0; i < _models.Count; i++)
        {
            var model = _models[i];
            var last = i == _models.Count - 1;
            if (!_sources.TryGetValue(model, out var source))
            {
                source = _sources[model] = await sources.ResolveAsync(run, model, last, cancellationToken);
            }

            if (source is null)
            {
                continue;
            }

            await using var call = await ModelCall.StartAsync(run, source, budget, conversation, options, cancellationToken);
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await using var updates = source.Client.GetStreamingResponseAsync(conversation, options, idle.Token).GetAsyncEnumerator(idle.Token);
            while (true)
            {
                idle.CancelAfter(limits.CallTimeout);
                var more = false;
                Exception? failure;
                try
                {
                    more = await updates.MoveNextAsync();
                    failure = more ? call.Saw(updates.Current) : call.Validate();
                }
                catch (OperationCanceledException) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    failure = new ModelTimeoutException($"{model} sent nothing for {limits.CallTimeout.TotalSeconds:0} s (Models__CallTimeoutSeconds).");
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failure = e;
                }

                if (failure is not null)
                {
                    await CountAsync(call);
                    if (call.Answered || last || !ModelFailures.IsProviderFailure(failure))
                    {
                        throw failure is ModelTimeoutException or ModelAnswerException or BudgetExceededException ? failure : new ModelCallException(model, failure);
                    }

                    run.Log(LogKinds.Error, $"{model} failed ({ModelFailures.Describe(failure)}); trying {_models[i + 1]}.");
                    break;
                }

                if (!more)
                {
                    await CountAsync(call);
                    yield break;
                }

                yield return updates.Current;
            }
        }
    }

    /// <summary>One call's tokens and cost go to the run, its metrics and its budgets; past the run's token limit the run stops.</summary>
    private async Task CountAsync(ModelCall call)
    {
        var (input, output, cost) = await call.FinishAsync();
        if (input == 0 && output == 0 && !call.Answered)
        {
            return;
        }

        run.AddCall(call.Model, input, output, cost);
        metrics.Tokens(call.Model, input, output);
        var price = cost is { } usd ? $", {Money.Format(usd)}" : ", price unknown";
        run.Log(LogKinds.Model, $"Model call {run.ModelCalls} ({call.Model}): {input} prompt + {output} completion tokens{price}.");
        if (run.TotalTokens > limits.MaxTokens)
        {
            run.Stop(RunStopReason.TokenLimit);
        }
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}

/// <summary>A model call that failed for a reason a fallback cannot help (or no fallback was left), with the model named.</summary>
public sealed class ModelCallException(string model, Exception inner) : Exception($"The model call to {model} failed ({ModelFailures.Describe(inner)}).", inner)
{
    public string Model => model;
}

/// <summary>The run-wide limits a model call is held to.</summary>
public sealed record RunModelLimits(int MaxOutputTokens, int MaxTokens, TimeSpan CallTimeout);
