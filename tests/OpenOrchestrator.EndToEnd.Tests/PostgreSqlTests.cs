using OpenOrchestrator.Testing;

namespace OpenOrchestrator.EndToEnd.Tests;

/// <summary>
/// The same product on PostgreSQL. Needs a server: OO_TEST_POSTGRES holds a connection string
/// without a database name (scripts/test.sh installs and starts Debian's postgresql and sets it).
/// </summary>
[Trait("Category", "PostgreSQL")]
public sealed class PostgreSqlTests : IAsyncLifetime
{
    private readonly SiloEnvironment _env = new();

    public Task InitializeAsync() => _env.InitializeAsync();

    public Task DisposeAsync() => _env.DisposeAsync();

    [Fact]
    public async Task TheScoutFlowRunsOnPostgreSql()
    {
        await using var silo = await SiloProcess.StartAsync(_env.DataPath, _env.Variables(_env.PostgreSqlDatabase()));

        await ScoutFlow.RunAsync(silo.CreateClient(), _env);
        Assert.False(File.Exists(Path.Combine(_env.DataPath, "orchestrator.db")));
    }
}
