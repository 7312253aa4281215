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
        var server = Environment.GetEnvironmentVariable("OO_TEST_POSTGRES");
        Assert.False(string.IsNullOrEmpty(server), "Set OO_TEST_POSTGRES (scripts/test.sh does) or filter out Category=PostgreSQL.");
        var database = $"oo_e2e_{Guid.NewGuid():N}"[..20];

        await using var silo = await SiloProcess.StartAsync(_env.DataPath, _env.Variables(
            ("Database__Provider", "PostgreSQL"),
            ("ConnectionStrings__orchestrator", $"{server};Database={database}")));

        await ScoutFlow.RunAsync(silo.CreateClient(), _env);
        Assert.False(File.Exists(Path.Combine(_env.DataPath, "orchestrator.db")));
    }
}
