using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenOrchestrator.Silo.Storage;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Bench;

/// <summary>The whole product in this process (SQLite in a temporary folder), pointed at a local model server.</summary>
public sealed class BenchApp(Uri modelUrl, params (string Key, string Value)[] settings) : WebApplicationFactory<global::Program>
{
    private readonly string _dataPath = TempDirectory.Create("oo-bench-");

    public static async Task<(BenchApp App, HttpClient Client)> StartAsync(Uri modelUrl, params (string Key, string Value)[] settings)
    {
        var app = new BenchApp(modelUrl, settings);
        var client = app.CreateClient();
        await client.SignUpAsync("bench@example.com");
        return (app, client);
    }

    public async Task<T> QueryAsync<T>(Func<OrchestratorDbContext, Task<T>> query)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<OrchestratorDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // As it runs in production: no developer exception page around every request.
        builder.UseEnvironment("Production");
        builder.UseSetting("Orchestrator:DataPath", _dataPath);
        builder.UseSetting("OPENAI_BASE_URL", modelUrl.ToString());
        builder.UseSetting("OPENAI_API_KEY", "bench");
        builder.UseSetting("Models:Default", "scripted-model");
        builder.UseSetting("Auth:Registration", "open");
        builder.UseSetting("Auth:SignInAttemptsPerMinute", "1000000");
        builder.UseSetting("Api:RequestsPerSecond", "1000000");
        builder.UseSetting("Api:Burst", "1000000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        TempDirectory.DeleteQuietly(_dataPath);
    }
}
