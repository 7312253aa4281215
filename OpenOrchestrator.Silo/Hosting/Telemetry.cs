using System.Diagnostics;

namespace OpenOrchestrator.Silo.Hosting;

/// <summary>
/// The product's own spans (DESIGN D12): one trace per run, from the API request through the grain
/// to each model call, tool call, stored result and notification try. ServiceDefaults listens to
/// every source named "OpenOrchestrator*".
/// </summary>
public static class Telemetry
{
    public const string Name = "OpenOrchestrator";

    public static readonly ActivitySource Source = new(Name);

    /// <summary>
    /// A span with an explicit parent that does not become the current one: a model call's span lives
    /// across the streamed updates, and what runs in between (tool calls) belongs to the run, not to it.
    /// </summary>
    public static System.Diagnostics.Activity? StartDetached(string name, ActivityKind kind, ActivityContext parent)
    {
        var current = System.Diagnostics.Activity.Current;
        var span = Source.StartActivity(name, kind, parent);
        System.Diagnostics.Activity.Current = current;
        return span;
    }
}
