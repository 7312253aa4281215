namespace OpenOrchestrator.Aspire.Tests;

/// <summary>The same topology with the Aspire dashboard on, as `aspire run` shows it.</summary>
public sealed class DashboardFixture : AppHostFixture
{
    protected override bool WithDashboard => true;
}
