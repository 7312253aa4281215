using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Samples what a user asked for, not what the cluster does by itself: an Orleans grain call that
/// nothing traced started (a named "IUserLiveGrain/PublishAsync" client span without a parent:
/// live updates, budget refreshes, timers' calls) does not begin a trace, and the calls it makes
/// follow it out. Requests, runs and everything they call are traced as before.
/// </summary>
public sealed class HousekeepingSampler : Sampler
{
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);
    private readonly Sampler _inner = new ParentBasedSampler(new AlwaysOnSampler());

    public HousekeepingSampler() => Description = nameof(HousekeepingSampler);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.ParentContext.TraceId == default
            && samplingParameters.Kind == ActivityKind.Client
            && IsGrainCall(samplingParameters.Name)
            ? Drop
            : _inner.ShouldSample(samplingParameters);

    /// <summary>Orleans names a grain call's span "{interface}/{method}": one slash, no spaces.</summary>
    private static bool IsGrainCall(string name)
    {
        var slash = name.IndexOf('/');
        return slash > 1 && name[0] == 'I' && slash == name.LastIndexOf('/') && !name.Contains(' ');
    }
}
