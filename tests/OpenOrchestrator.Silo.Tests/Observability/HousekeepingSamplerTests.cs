using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;

namespace OpenOrchestrator.Silo.Tests.Observability;

/// <summary>What begins a trace: a user's request or a run, not a grain call the cluster makes by itself.</summary>
public sealed class HousekeepingSamplerTests
{
    private static readonly HousekeepingSampler Sampler = new();
    private static readonly ActivityContext RecordedParent = new(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);

    private static SamplingDecision Decide(string name, ActivityKind kind, ActivityContext parent = default) =>
        Sampler.ShouldSample(new SamplingParameters(parent, parent.TraceId == default ? ActivityTraceId.CreateRandom() : parent.TraceId, name, kind)).Decision;

    [Theory]
    [InlineData("IUserLiveGrain/PublishAsync")]
    [InlineData("IBudgetGrain/RunStored")]
    public void AGrainCallNothingTracedStartedBeginsNoTrace(string name) =>
        Assert.Equal(SamplingDecision.Drop, Decide(name, ActivityKind.Client));

    [Theory]
    [InlineData("IBotGrain/StartRunAsync", ActivityKind.Client)]
    [InlineData("chat gpt-4o-mini", ActivityKind.Client)]
    [InlineData("tool results.report", ActivityKind.Internal)]
    public void WhatARequestOrARunCallsIsTraced(string name, ActivityKind kind) =>
        Assert.Equal(SamplingDecision.RecordAndSample, Decide(name, kind, RecordedParent));

    [Theory]
    [InlineData("POST /api/bots/{id}/runs", ActivityKind.Server)]
    [InlineData("run Price watch", ActivityKind.Internal)]
    [InlineData("GET", ActivityKind.Client)]
    [InlineData("notify telegram", ActivityKind.Producer)]
    public void RequestsRunsAndOwnWorkBeginTraces(string name, ActivityKind kind) =>
        Assert.Equal(SamplingDecision.RecordAndSample, Decide(name, kind));

    [Fact]
    public void WhatADroppedCallMakesIsDroppedWithIt()
    {
        var dropped = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.None);

        Assert.Equal(SamplingDecision.Drop, Decide("IUserLiveGrain/PublishAsync", ActivityKind.Server, dropped));
    }
}
