using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Costs;
using OpenOrchestrator.Silo.Hosting;
using OpenOrchestrator.Silo.Mcp;
using OpenOrchestrator.Silo.Models;
using OpenOrchestrator.Silo.Tools;

namespace OpenOrchestrator.Silo.Runs;

/// <summary>
/// Carries out runs on the thread pool, off the grain's turn (DESIGN D6): the grain hands over a
/// ticket, the executor writes the run's log and outcome and tells the grain when it is over.
/// </summary>
public sealed partial class RunExecutor(
    RunLogWriter log,
    TimeProvider time,
    KernelFactory kernels,
    McpRunTools mcp,
    RunAgent agent,
    IGrainFactory grains,
    IOptions<RunOptions> options,
    RunMetrics metrics,
    RunBudget budget,
    ILogger<RunExecutor> logger) : IHostedService
{
    private readonly ConcurrentDictionary<string, RunContext> _active = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _changes = new();
    private volatile bool _stopping;

    /// <summary>True once the host stops: nothing new should be handed over.</summary>
    public bool IsStopping => _stopping;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>On shutdown, runs still going end as failed ("interrupted"), their log and outcome stored.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        var running = _active.Values.ToList();
        running.ForEach(run => run.Stop(RunStopReason.Shutdown));
        try
        {
            await Task.WhenAll(running.Select(run => run.Finished)).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Out of time: the next start marks what is left as interrupted.
        }
    }

    public void Start(RunTicket ticket)
    {
        var stop = new CancellationTokenSource();
        var run = new RunContext(ticket, log, time, stop);
        _active[ticket.RunId] = run;
        metrics.RunStarted();
        if (_stopping)
        {
            // Handed over while the host shuts down (a last reminder tick): end it rather than begin work that cannot finish.
            run.Stop(RunStopReason.Shutdown);
        }

        _ = Task.Run(() => ExecuteAsync(run, stop));
        Changed(ticket.RunId);
    }

    /// <summary>True while the run executes in this process (until its outcome has been handed to its bot).</summary>
    public bool Holds(string runId) => _active.ContainsKey(runId);

    /// <summary>The run as it started, while it executes here for this owner: who waits for its end need not read it first.</summary>
    public RunView? Executing(string runId, string ownerId) =>
        _active.TryGetValue(runId, out var run) && run.Ticket.OwnerId == ownerId ? RunMapping.Started(run.Ticket) : null;

    /// <summary>Asks a run executing in this process to stop; false when it is not here.</summary>
    public bool Cancel(string runId, RunStopReason reason)
    {
        if (!_active.TryGetValue(runId, out var run))
        {
            return false;
        }

        run.Stop(reason);
        return true;
    }

    /// <summary>Adds an info line to a run executing here; a run elsewhere is not told.</summary>
    public void Note(string runId, string message)
    {
        if (_active.TryGetValue(runId, out var run))
        {
            run.Info(message);
        }
    }

    /// <summary>
    /// Waits at most <paramref name="max"/> until a run executing here has finished, or a run
    /// waiting here (queued) has started or been cancelled. Returns the run's outcome when it
    /// finished here and its bot stored this outcome: the caller need not read it back.
    /// </summary>
    public async Task<RunOutcome?> WaitAsync(string runId, TimeSpan max, CancellationToken cancellationToken)
    {
        var changed = _changes.GetOrAdd(runId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            // Start adds to the active runs before it signals: one of the two is seen.
            if (_active.TryGetValue(runId, out var run))
            {
                return await run.Finished.WaitAsync(max, cancellationToken);
            }

            await changed.Task.WaitAsync(max, cancellationToken);
            return null;
        }
        catch (TimeoutException)
        {
            // Still running or waiting (or on another silo): the caller answers with the run as it is.
            return null;
        }
        finally
        {
            _changes.TryRemove(new KeyValuePair<string, TaskCompletionSource>(runId, changed));
        }
    }

    /// <summary>Wakes those waiting on a run that is not executing: it started, or ended without executing.</summary>
    public void Changed(string runId)
    {
        if (_changes.TryRemove(runId, out var changed))
        {
            changed.TrySetResult();
        }
    }

    private async Task ExecuteAsync(RunContext run, CancellationTokenSource stop)
    {
        var (status, output, error) = (RunStatuses.Failed, (string?)null, (string?)null);
        using var span = StartSpan(run);
        using var scope = logger.BeginScope(LogScope(run));
        try
        {
            stop.Token.ThrowIfCancellationRequested();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
            using var onTimeout = timeout.Token.Register(() => run.Stop(RunStopReason.TimedOut));
            var bot = run.Ticket.Bot;
            run.Info($"Run started ({run.Ticket.Trigger}) with model {bot.Model}; tools: {string.Join(", ", ["results", .. bot.Tools, .. bot.McpServers.Select(s => $"mcp:{s}")])}.");
            var kernel = kernels.Create(run);
            await using (ToolPlugins.Resources(kernel))
            {
                await using var servers = await mcp.AddAsync(
                    kernel, new McpChoice(run.Ticket.OwnerId, bot.Id, bot.McpServers, bot.McpTools), message => run.Log(LogKinds.Error, message), stop.Token);
                output = await agent.RunAsync(kernel, run, stop.Token);
            }

            status = RunStatuses.Completed;
        }
        catch (OperationCanceledException) when (run.StopReason != RunStopReason.None)
        {
            (status, error) = Outcome(run);
        }
        catch (Exception e) when (Readable(e) is { } readable)
        {
            // Budgets, a missing key, a provider that failed, an answer that was no completion: the reason is the error.
            error = readable.Message;
        }
        catch (Exception e)
        {
            LogRunCrashed(e, run.RunId);
            error = e.Message;
        }
        finally
        {
            var stored = await FinishAsync(run, status, output, error);
            EndSpan(span, run, status);
            LogRunEnded(run.RunId, status, run.TotalTokens, run.Cost);
            metrics.RunFinished(status, time.GetUtcNow().UtcDateTime - run.Ticket.StartedAt);
            _active.TryRemove(run.RunId, out _);
            run.MarkFinished(stored);
            stop.Dispose();
        }
    }

    /// <summary>The run's span, a child of the span that handed it over; it stays current while the outcome is stored.</summary>
    private static System.Diagnostics.Activity? StartSpan(RunContext run)
    {
        var ticket = run.Ticket;
        var span = Telemetry.Source.StartActivity($"run {ticket.Bot.Name}", ActivityKind.Internal, ticket.Parent);
        span?.SetTag("openorchestrator.bot.id", ticket.Bot.Id)
            .SetTag("openorchestrator.run.id", ticket.RunId)
            .SetTag("openorchestrator.run.trigger", ticket.Trigger)
            .SetTag("gen_ai.request.model", ticket.Bot.Model);
        run.Span = span?.Context ?? default;
        return span;
    }

    /// <summary>Every log line written while the run executes names its bot and itself (as attributes in OpenTelemetry).</summary>
    private static KeyValuePair<string, object?>[] LogScope(RunContext run) =>
        [new("openorchestrator.bot.id", run.Ticket.Bot.Id), new("openorchestrator.run.id", run.RunId)];

    private static void EndSpan(System.Diagnostics.Activity? span, RunContext run, string status)
    {
        span?.SetTag("openorchestrator.run.status", status)
            .SetTag("gen_ai.usage.input_tokens", run.PromptTokens)
            .SetTag("gen_ai.usage.output_tokens", run.CompletionTokens)
            .SetStatus(status == RunStatuses.Completed ? ActivityStatusCode.Ok : ActivityStatusCode.Error, status == RunStatuses.Completed ? null : status);
    }

    /// <summary>
    /// The run's last lines go with its outcome, after the lines written before them: its log is whole
    /// once it shows as finished. Returns the outcome when its bot stored it.
    /// </summary>
    private async Task<RunOutcome?> FinishAsync(RunContext run, string status, string? output, string? error)
    {
        if (error is not null)
        {
            run.Log(LogKinds.Error, error);
        }

        var cost = run.Cost is { } usd ? Money.Format(usd) : "cost unknown";
        run.Info(status == RunStatuses.Completed
            ? $"Done: {Count(run.NewResults, "new result")}, {run.SeenResults} already known; {Count(run.ModelCalls, "model call")}, {Count(run.ToolCalls, "tool call")}, {run.TotalTokens} tokens, {cost}."
            : $"Run ended: {status}; {run.TotalTokens} tokens, {cost}.");
        var (lines, earlierStored) = run.TakeRest();
        try
        {
            await earlierStored;
            var now = time.GetUtcNow().UtcDateTime;
            var outcome = new RunOutcome(
                status, output, error, now, (long)(now - run.Ticket.StartedAt).TotalMilliseconds,
                run.PromptTokens, run.CompletionTokens, run.ModelCalls, run.ToolCalls, run.NewResults, run.SeenResults, run.Ticket.Depth)
            {
                Cost = run.Cost,
                Model = run.AnsweredBy,
                Log = [.. lines.Select(l => l.ToLine())],
                NewResultIds = run.NewResultIds,
                Found = run.Found,
                Run = RunMapping.Started(run.Ticket),
            };
            var stored = await DeliverAsync(run, outcome);
            budget.RunStored(run.Ticket);
            return stored ? outcome : null;
        }
        catch (Exception e)
        {
            LogFinishFailed(e, run.RunId);
            await log.WriteAsync(lines);
            return null;
        }
    }

    /// <summary>
    /// Hands the run's end to its bot, again after a pause when it fails (the bot takes an end it
    /// already has as done). Given up, the run is no longer held here, and its bot, still marking it
    /// active, ends it as interrupted (<c>BotGrain.EndOrphanedRunAsync</c>) instead of waiting forever.
    /// </summary>
    private async Task<bool> DeliverAsync(RunContext run, RunOutcome outcome)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await grains.GetGrain<IBotGrain>(run.BotId).RunFinishedAsync(run.RunId, outcome);
            }
            catch (Exception e) when (attempt < options.Value.OutcomeAttempts)
            {
                LogDeliveryRetried(e, run.RunId, attempt);
                await Task.Delay(TimeSpan.FromSeconds(1 << (attempt - 1)));
            }
        }
    }

    /// <summary>A failure whose message is written for the run's owner, wherever Semantic Kernel wrapped it.</summary>
    private static Exception? Readable(Exception? e) => e switch
    {
        null => null,
        BudgetExceededException or ModelNotConfiguredException or ModelCallException or ModelTimeoutException or ModelAnswerException => e,
        _ => Readable(e.InnerException),
    };

    private (string Status, string Error) Outcome(RunContext run) => run.StopReason switch
    {
        RunStopReason.Cancelled => (RunStatuses.Cancelled, "cancelled by the user"),
        RunStopReason.TimedOut => (RunStatuses.TimedOut, $"timed out after {options.Value.TimeoutSeconds} s (Runs__TimeoutSeconds)"),
        RunStopReason.StepLimit => (RunStatuses.Failed, $"stopped after {options.Value.MaxSteps} tool calls (Runs__MaxSteps)"),
        RunStopReason.TokenLimit => (RunStatuses.Failed, $"stopped after {run.TotalTokens} tokens, over the limit of {options.Value.MaxTokens} (Runs__MaxTokens)"),
        _ => (RunStatuses.Failed, "interrupted"),
    };

    /// <summary>"1 new result", "3 new results": the log is read by people.</summary>
    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} ended {Status}: {Tokens} tokens, cost {Cost} USD")]
    private partial void LogRunEnded(string runId, string status, int tokens, double? cost);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} crashed")]
    private partial void LogRunCrashed(Exception exception, string runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: its end did not reach its bot (attempt {Attempt}); trying again")]
    private partial void LogDeliveryRetried(Exception exception, string runId, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} could not record its outcome; its bot ends it as interrupted")]
    private partial void LogFinishFailed(Exception exception, string runId);
}
