namespace OpenOrchestrator.EndToEnd.Tests;

/// <summary>The Cluster category's tests each start silos of their own: one test at a time, so they do not share the cores.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection
{
    public const string Name = "Cluster";
}
