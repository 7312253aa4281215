namespace OpenOrchestrator.EndToEnd.Tests;

/// <summary>Stop the real process while bots are scheduled and one runs; start it again (issue: durability).</summary>
public sealed class DurabilityTests : IAsyncLifetime
{
    private readonly SiloEnvironment _env = new();

    public Task InitializeAsync() => _env.InitializeAsync();

    public Task DisposeAsync() => _env.DisposeAsync();

    [Fact]
    public Task SchedulesAndTriggersSurviveSigterm() => new RestartScenario(_env).RunAsync(silo => silo.TerminateAsync());

    [Fact]
    public Task SchedulesAndTriggersSurviveKill() => new RestartScenario(_env).RunAsync(silo => silo.KillAsync());

    [Fact]
    [Trait("Category", "PostgreSQL")]
    public Task SchedulesAndTriggersSurviveSigtermOnPostgreSql() =>
        new RestartScenario(_env, _env.PostgreSqlDatabase()).RunAsync(silo => silo.TerminateAsync());

    [Fact]
    [Trait("Category", "PostgreSQL")]
    public Task SchedulesAndTriggersSurviveKillOnPostgreSql() =>
        new RestartScenario(_env, _env.PostgreSqlDatabase()).RunAsync(silo => silo.KillAsync());
}
