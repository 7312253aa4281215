using System.Collections.Concurrent;
using System.Diagnostics;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Runs;

/// <summary>One executing run: its counters and its log. Tool plugins and filters share it.</summary>
public sealed class RunContext(RunTicket ticket, RunLogWriter log, TimeProvider time, CancellationTokenSource stop)
{
    private int _seq;
    private int _promptTokens;
    private int _completionTokens;
    private int _modelCalls;
    private int _toolCalls;
    private double? _cost = 0;
    private int _seenResults;
    private readonly ConcurrentQueue<string> _newResultIds = new();
    private readonly ConcurrentQueue<FoundResult> _listed = new();
    private readonly Lock _lines = new();
    private List<RunLogRecord> _unstored = [];
    private Task _stored = Task.CompletedTask;

    private readonly TaskCompletionSource<RunOutcome?> _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Where a run's Kernel carries its context, for plugins shared by all runs.</summary>
    public const string KernelDataKey = "openorchestrator.run";

    /// <summary>At most this many of the run's new results are kept for its notification to list; the rest are counted.</summary>
    public const int MaxFound = 20;

    public RunTicket Ticket => ticket;

    /// <summary>The run's span: model and tool calls are its children, whatever span is current where they happen.</summary>
    public ActivityContext Span { get; set; }

    /// <summary>Completes once the run is over: with its outcome as its bot stored it, or null when the bot did not store this one.</summary>
    public Task<RunOutcome?> Finished => _finished.Task;
    public string RunId => ticket.RunId;
    public string BotId => ticket.Bot.Id;
    public RunStopReason StopReason { get; private set; }
    public int PromptTokens => _promptTokens;
    public int CompletionTokens => _completionTokens;
    public int TotalTokens => _promptTokens + _completionTokens;
    public int ModelCalls => _modelCalls;
    public int ToolCalls => _toolCalls;
    public int NewResults => _newResultIds.Count;
    public int SeenResults => _seenResults;

    /// <summary>Stops the run; the first reason given is the one reported. A run that has just ended has nothing left to stop.</summary>
    public void Stop(RunStopReason reason)
    {
        if (StopReason == RunStopReason.None)
        {
            StopReason = reason;
        }

        try
        {
            stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Ended between being found running and being stopped (a shutdown, a cancel): its outcome is already stored.
        }
    }

    public void MarkFinished(RunOutcome? stored) => _finished.TrySetResult(stored);

    public void Log(string kind, string message)
    {
        RunLogRecord line;
        lock (_lines)
        {
            // Numbered under the lock: lines are stored in the order of their numbers.
            line = new RunLogRecord
            {
                RunId = RunId,
                Seq = ++_seq,
                At = time.GetUtcNow().UtcDateTime,
                Kind = kind,
                Message = Truncate(message, 4000),
            };
            _unstored.Add(line);
        }

        log.Added(this, line);
    }

    /// <summary>The lines for the log writer's next batch; <paramref name="stored"/> completes once that batch is written.</summary>
    public List<RunLogRecord> TakeForBatch(Task stored)
    {
        lock (_lines)
        {
            var lines = TakeUnstored();
            if (lines.Count > 0)
            {
                _stored = stored;
            }

            return lines;
        }
    }

    /// <summary>
    /// The lines not yet handed to the log writer, to be stored with the outcome, and a task that
    /// completes once the lines handed to it before are stored.
    /// </summary>
    public (List<RunLogRecord> Lines, Task EarlierStored) TakeRest()
    {
        lock (_lines)
        {
            return (TakeUnstored(), _stored);
        }
    }

    /// <summary>Called under the lock.</summary>
    private List<RunLogRecord> TakeUnstored()
    {
        var lines = _unstored;
        _unstored = [];
        return lines;
    }

    public void Info(string message) => Log(LogKinds.Info, message);

    /// <summary>Counts one model call: its tokens, and its cost (null when its model's price is unknown, which makes the run's unknown).</summary>
    public void AddCall(string model, int promptTokens, int completionTokens, double? cost)
    {
        Interlocked.Add(ref _promptTokens, promptTokens);
        Interlocked.Add(ref _completionTokens, completionTokens);
        Interlocked.Increment(ref _modelCalls);
        lock (_lines)
        {
            _cost = cost is { } known && _cost is { } sum ? sum + known : null;
            AnsweredBy = model;
        }
    }

    /// <summary>USD the run's calls cost so far; null once a call's price was unknown.</summary>
    public double? Cost
    {
        get
        {
            lock (_lines)
            {
                return _cost;
            }
        }
    }

    /// <summary>The model that answered the last call, or null before the first.</summary>
    public string? AnsweredBy { get; private set; }

    public int NextToolCall() => Interlocked.Increment(ref _toolCalls);

    /// <summary>Counts a reported result: a new one (as stored), or one already known (null).</summary>
    public void CountResult(ResultRecord? stored)
    {
        if (stored is { } r)
        {
            _newResultIds.Enqueue(r.Id);
            if (_listed.Count < MaxFound)
            {
                _listed.Enqueue(new FoundResult(r.Id, r.Title, r.Url, r.Content, r.Metadata, r.Status, r.CreatedAt));
            }
        }
        else
        {
            Interlocked.Increment(ref _seenResults);
        }
    }

    /// <summary>The ids of the results this run stored, in the order it reported them.</summary>
    public IReadOnlyList<string> NewResultIds => [.. _newResultIds];

    /// <summary>The first results this run stored (as many as its notification lists), in the order it reported them.</summary>
    public IReadOnlyList<FoundResult> Found => [.. _listed.Take(MaxFound)];

    public static RunContext Of(Microsoft.SemanticKernel.Kernel kernel) => (RunContext)kernel.Data[KernelDataKey]!;

    public static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");
}
