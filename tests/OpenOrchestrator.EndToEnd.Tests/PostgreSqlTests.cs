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

    /// <summary>Settings for a fresh database on the test server; Migrate creates it.</summary>
    public static (string Key, string Value)[] Database()
    {
        var server = Environment.GetEnvironmentVariable("OO_TEST_POSTGRES");
        Assert.False(string.IsNullOrEmpty(server), "Set OO_TEST_POSTGRES (scripts/test.sh does) or filter out Category=PostgreSQL.");
        var name = $"oo_e2e_{Guid.NewGuid():N}"[..20];
        return [("Database__Provider", "PostgreSQL"), ("ConnectionStrings__orchestrator", $"{server};Database={name}")];
    }

    [Fact]
    public async Task TheScoutFlowRunsOnPostgreSql()
    {
        await using var silo = await SiloProcess.StartAsync(_env.DataPath, _env.Variables(Database()));

        await ScoutFlow.RunAsync(silo.CreateClient(), _env);
        Assert.False(File.Exists(Path.Combine(_env.DataPath, "orchestrator.db")));
    }
}
