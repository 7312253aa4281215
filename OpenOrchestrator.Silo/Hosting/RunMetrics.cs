using System.Diagnostics.Metrics;
using OpenOrchestrator.Contracts;

namespace OpenOrchestrator.Silo.Hosting;

/// <summary>
/// The product's meter (DESIGN D12). Made by the host's meter factory, so two hosts in one process
/// (tests, a second silo) count apart.
/// </summary>
public sealed class RunMetrics
{
    private readonly Counter<long> _started;
    private readonly Counter<long> _finished;
    private readonly Counter<long> _failed;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _tokens;
    private readonly Histogram<double> _lateness;
    private readonly UpDownCounter<long> _activeBots;

    public RunMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Telemetry.Name);
        _started = meter.CreateCounter<long>("openorchestrator.runs.started", "{run}", "Runs handed to the executor.");
        _finished = meter.CreateCounter<long>("openorchestrator.runs.finished", "{run}", "Runs that ended, by status.");
        _failed = meter.CreateCounter<long>("openorchestrator.runs.failed", "{run}", "Runs that ended failed or timed out.");
        _duration = meter.CreateHistogram<double>("openorchestrator.run.duration", "s", "How long a run executed.");
        _tokens = meter.CreateCounter<long>("openorchestrator.tokens", "{token}", "Model tokens used by runs, by gen_ai.token.type (input, output).");
        _lateness = meter.CreateHistogram<double>("openorchestrator.schedule.lateness", "s", "How long after its slot a scheduled run started.");
        _activeBots = meter.CreateUpDownCounter<long>("openorchestrator.bots.active", "{bot}", "Bots running now.");
    }

    public void RunStarted()
    {
        _started.Add(1);
        _activeBots.Add(1);
    }

    public void RunFinished(string status, TimeSpan duration)
    {
        var tag = new KeyValuePair<string, object?>("openorchestrator.run.status", status);
        _activeBots.Add(-1);
        _finished.Add(1, tag);
        _duration.Record(duration.TotalSeconds, tag);
        if (status is RunStatuses.Failed or RunStatuses.TimedOut)
        {
            _failed.Add(1, tag);
        }
    }

    public void Tokens(string model, int input, int output)
    {
        var modelTag = new KeyValuePair<string, object?>("gen_ai.request.model", model);
        _tokens.Add(input, new KeyValuePair<string, object?>("gen_ai.token.type", "input"), modelTag);
        _tokens.Add(output, new KeyValuePair<string, object?>("gen_ai.token.type", "output"), modelTag);
    }

    public void ScheduleLateness(TimeSpan late) => _lateness.Record(Math.Max(0, late.TotalSeconds));
}
