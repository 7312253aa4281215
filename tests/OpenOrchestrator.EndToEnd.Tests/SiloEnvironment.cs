using Npgsql;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.EndToEnd.Tests;

/// <summary>The scripted servers a real silo process talks to, and the environment that points it at them.</summary>
public sealed class SiloEnvironment : IAsyncLifetime
{
    private readonly List<(string Server, string Name)> _databases = [];

    public ScriptedModelServer Model { get; private set; } = null!;
    public ShopSite Shop { get; private set; } = null!;
    public string DataPath { get; } = TempDirectory.Create("oo-e2e-");

    public async Task InitializeAsync()
    {
        Model = await ScriptedModelServer.StartAsync(_ => ModelReply.Text("Nothing to do."));
        Shop = await ShopSite.StartAsync();
    }

    /// <summary>
    /// Settings for a fresh database on the PostgreSQL test server (OO_TEST_POSTGRES: a connection
    /// string without a database name; scripts/test.sh sets it); Migrate creates it, and it is
    /// dropped when this environment is disposed.
    /// </summary>
    public (string Key, string Value)[] PostgreSqlDatabase()
    {
        var server = Environment.GetEnvironmentVariable("OO_TEST_POSTGRES");
        Assert.False(string.IsNullOrEmpty(server), "Set OO_TEST_POSTGRES (scripts/test.sh does) or filter out Category=PostgreSQL.");
        var name = $"oo_e2e_{Guid.NewGuid():N}"[..20];
        _databases.Add((server, name));
        return [("Database__Provider", "PostgreSQL"), ("ConnectionStrings__orchestrator", $"{server};Database={name}")];
    }

    public Dictionary<string, string> Variables(params (string Key, string Value)[] extra)
    {
        var variables = new Dictionary<string, string>
        {
            ["OPENAI_API_KEY"] = "e2e-key",
            ["OPENAI_BASE_URL"] = Model.BaseUrl.ToString(),
            ["Models__Default"] = "scripted-model",
            ["Tools__Network__AllowedHosts"] = Shop.BaseUrl.Authority,
            ["Auth__SignInAttemptsPerMinute"] = "100000",
        };
        foreach (var (key, value) in extra)
        {
            variables[key] = value;
        }

        return variables;
    }

    public async Task DisposeAsync()
    {
        foreach (var (server, name) in _databases)
        {
            await using var connection = new NpgsqlConnection($"{server};Database=postgres");
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        await Model.DisposeAsync();
        await Shop.DisposeAsync();
        TempDirectory.DeleteQuietly(DataPath);
    }
}
