using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace OpenOrchestrator.Silo.Tests.Observability;

/// <summary>Sums what one host's meters record (by instrument, and by instrument and tag value), ignoring other hosts in the process.</summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, double> _sums = new();

    public MetricRecorder(IMeterFactory scope, string meterName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == scope && instrument.Meter.Name == meterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The sum of an instrument's measurements, or of those with one tag value ("name", "name|value").</summary>
    public double Sum(string instrument, string? tagValue = null) =>
        _sums.GetValueOrDefault(tagValue is null ? instrument : $"{instrument}|{tagValue}");

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        _sums.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value);
        foreach (var tag in tags)
        {
            _sums.AddOrUpdate($"{instrument.Name}|{tag.Value}", value, (_, sum) => sum + value);
        }
    }

    public void Dispose() => _listener.Dispose();
}
