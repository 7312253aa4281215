using OpenOrchestrator.Silo.Storage;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Infrastructure;

/// <summary>One app and its scripted servers, shared by the API tests (they run one after another).</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public ScriptedModelServer Model { get; private set; } = null!;
    public ShopSite Shop { get; private set; } = null!;
    public SearxngSearchServer Search { get; private set; } = null!;
    public OrchestratorApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Model = await ScriptedModelServer.StartAsync(_ => ModelReply.Text("Nothing to do."));
        Shop = await ShopSite.StartAsync();
        Search = await SearxngSearchServer.StartAsync(_ => SearchReply.With());
        App = new OrchestratorApp(OrchestratorApp.SettingsFor(Model,
            ("Tools:Network:AllowedHosts", Shop.BaseUrl.Authority),
            ("WebSearch:Endpoint", Search.Endpoint.ToString())));
        App.StartServer();
    }

    public Task<HttpClient> SignUpAsync() => App.SignUpAsync();

    public Task<T> QueryAsync<T>(Func<OrchestratorDbContext, Task<T>> query) => App.Services.QueryAsync(query);

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Model.DisposeAsync();
        await Shop.DisposeAsync();
        await Search.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
