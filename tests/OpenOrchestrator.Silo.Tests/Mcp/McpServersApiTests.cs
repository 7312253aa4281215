using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Mcp;

/// <summary>Each user's registry of MCP servers: the check at registration, the tool list, write-only headers, ownership.</summary>
[Collection(McpCollection.Name)]
[Trait("Category", "Mcp")]
public sealed class McpServersApiTests(McpFixture fixture)
{
    [Fact]
    public async Task ARegisteredServerListsItsTools()
    {
        var client = await fixture.SignUpAsync();
        var server = await McpFixture.RegisterAsync(client, McpFixture.Stdio("everything"));

        var tools = (await client.GetFromJsonAsync<List<McpToolView>>($"/api/mcp-servers/{server.Id}/tools"))!;

        Assert.Contains(tools, t => t is { Name: "echo", ModelName: "everything-echo" } && t.Description is { Length: > 0 });
        Assert.Equal([server.Id], (await client.GetFromJsonAsync<List<McpServerView>>("/api/mcp-servers"))!.Select(s => s.Id));
    }

    [Fact]
    public async Task RegisteringAndChangingAServerAnswerWithItsTools()
    {
        var client = await fixture.SignUpAsync();

        var created = await client.PostAsJsonAsync("/api/mcp-servers", McpFixture.Streamable("everything", fixture.Http.Url));
        var createdBody = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = createdBody.GetProperty("id").GetString();
        var changed = await client.PutAsJsonAsync($"/api/mcp-servers/{id}", McpFixture.Stdio("everything"));
        var changedBody = await changed.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        foreach (var body in new[] { createdBody, changedBody })
        {
            Assert.Equal(id, body.GetProperty("id").GetString());
            Assert.Contains(body.GetProperty("tools").EnumerateArray(), t => t.GetProperty("name").GetString() == "echo" && t.GetProperty("modelName").GetString() == "everything-echo");
        }

        Assert.False((await client.GetFromJsonAsync<JsonElement>($"/api/mcp-servers/{id}")).TryGetProperty("tools", out _));
    }

    [Fact]
    public async Task AChangeWithoutHeadersLeavesTheStoredCiphertextAsItIs()
    {
        var client = await fixture.SignUpAsync();
        var server = await McpFixture.RegisterAsync(client, McpFixture.Streamable("keyed", fixture.Http.Url, new() { ["X-Api-Key"] = "v1" }));
        var before = await fixture.App.Services.QueryAsync(db => db.McpServers.AsNoTracking().SingleAsync(s => s.Id == server.Id));

        var changed = await client.PutAsJsonAsync($"/api/mcp-servers/{server.Id}", McpFixture.Streamable("keyed", new Uri(fixture.Http.Url + "?changed=1")));
        var after = await fixture.App.Services.QueryAsync(db => db.McpServers.AsNoTracking().SingleAsync(s => s.Id == server.Id));

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(before.Url, after.Url);
        Assert.NotNull(before.ProtectedHeaders);
        Assert.Equal(before.ProtectedHeaders, after.ProtectedHeaders);
        Assert.Equal(["X-Api-Key"], after.HeaderNames);
    }

    [Fact]
    public async Task SavingABotReadsTheUsersServersOnce()
    {
        var client = await fixture.SignUpAsync();
        var first = await McpFixture.RegisterAsync(client, McpFixture.Streamable("first", fixture.Http.Url));
        await McpFixture.RegisterAsync(client, McpFixture.Streamable("second", fixture.Http.Url));
        await McpFixture.RegisterAsync(client, McpFixture.Streamable("third", fixture.Http.Url));
        var spec = ApiClient.Spec() with { McpServers = [first.Id, "second", "third"], McpTools = ["first.echo", "second.echo", "third.get-sum"] };
        var reads = ServerReads();

        var bot = await client.CreateBotAsync(spec);
        var afterCreate = ServerReads();
        var updated = await client.PutAsJsonAsync($"/api/bots/{bot.Id}", spec with { Name = "Renamed" });

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(["first", "second", "third"], bot.McpServers);
        Assert.Equal(1, afterCreate - reads);
        Assert.Equal(1, ServerReads() - afterCreate);
    }

    /// <summary>Statements that read the mcp_servers table, as EF Core logs them.</summary>
    private int ServerReads() =>
        fixture.Logs.Lines.Count(l => l.Contains("Executed DbCommand", StringComparison.Ordinal) && l.Contains("FROM \"mcp_servers\"", StringComparison.Ordinal));

    [Fact]
    public async Task HeadersAreWriteOnlyEncryptedAtRestAndNeverLogged()
    {
        var client = await fixture.SignUpAsync();
        var server = await McpFixture.RegisterAsync(client, McpFixture.Streamable("keyed", fixture.Http.Url, new() { ["X-Api-Key"] = "sekret-header-value" }));

        var read = await client.GetStringAsync($"/api/mcp-servers/{server.Id}");
        var stored = await fixture.App.Services.QueryAsync(db => db.McpServers.AsNoTracking().SingleAsync(s => s.Id == server.Id));

        Assert.Equal(["X-Api-Key"], server.HeaderNames);
        Assert.DoesNotContain("sekret-header-value", read);
        Assert.Contains("X-Api-Key", read);
        Assert.DoesNotContain("sekret-header-value", stored.ProtectedHeaders);
        Assert.DoesNotContain(fixture.Logs.Lines, l => l.Contains("sekret-header-value", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AChangeWithoutHeadersKeepsThemAndDeleteRemovesTheServer()
    {
        var client = await fixture.SignUpAsync();
        var server = await McpFixture.RegisterAsync(client, McpFixture.Streamable("keyed", fixture.Http.Url, new() { ["X-Api-Key"] = "v1" }));

        var changed = await client.PutAsJsonAsync($"/api/mcp-servers/{server.Id}", McpFixture.Streamable("renamed", fixture.Http.Url));
        var view = (await changed.Content.ReadFromJsonAsync<McpServerView>())!;
        var deleted = await client.DeleteAsync($"/api/mcp-servers/{server.Id}");

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("renamed", view.Name);
        Assert.Equal(["X-Api-Key"], view.HeaderNames);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/mcp-servers/{server.Id}")).StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/mcp-servers/{id}")]
    [InlineData("PUT", "/api/mcp-servers/{id}")]
    [InlineData("DELETE", "/api/mcp-servers/{id}")]
    [InlineData("GET", "/api/mcp-servers/{id}/tools")]
    public async Task AnotherUsersServerIsNotFoundAndUntouched(string method, string route)
    {
        var owner = await fixture.SignUpAsync();
        var server = await McpFixture.RegisterAsync(owner, McpFixture.Stdio("mine"));
        var stranger = await fixture.SignUpAsync();

        var response = await stranger.SendAsync(new HttpRequestMessage(new HttpMethod(method), route.Replace("{id}", server.Id))
        {
            Content = method == "PUT" ? JsonContent.Create(McpFixture.Stdio("stolen")) : null,
        });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty((await stranger.GetFromJsonAsync<List<McpServerView>>("/api/mcp-servers"))!);
        Assert.Equal("mine", (await owner.GetFromJsonAsync<McpServerView>($"/api/mcp-servers/{server.Id}"))!.Name);
    }

    [Fact]
    public async Task ABotCannotNameAnotherUsersServer()
    {
        var owner = await fixture.SignUpAsync();
        var server = await McpFixture.RegisterAsync(owner, McpFixture.Stdio("mine"));
        var stranger = await fixture.SignUpAsync();

        var byName = await stranger.PostAsJsonAsync("/api/bots", ApiClient.Spec() with { McpServers = ["mine"] });
        var byId = await stranger.PostAsJsonAsync("/api/bots", ApiClient.Spec() with { McpServers = [server.Id] });

        await Problems.AssertAsync(byName, HttpStatusCode.BadRequest, "You have no MCP server named 'mine'");
        await Problems.AssertAsync(byId, HttpStatusCode.BadRequest, "You have no MCP server named");
    }

    [Theory]
    [InlineData("name")]
    [InlineData("id")]
    public async Task ABotChangedToNameAnotherUsersServerIsRefused(string by)
    {
        var owner = await fixture.SignUpAsync();
        var server = await McpFixture.RegisterAsync(owner, McpFixture.Stdio("mine"));
        var stranger = await fixture.SignUpAsync();
        var bot = await stranger.CreateBotAsync(ApiClient.Spec());

        var changed = await stranger.PutAsJsonAsync($"/api/bots/{bot.Id}",
            ApiClient.Spec() with { McpServers = [by == "id" ? server.Id : "mine"], McpTools = ["mine.echo"] });

        await Problems.AssertAsync(changed, HttpStatusCode.BadRequest, "You have no MCP server named");
        Assert.Empty((await stranger.GetFromJsonAsync<BotView>($"/api/bots/{bot.Id}"))!.McpServers);
    }

    [Fact]
    public async Task ABotMayNameAServerByItsIdAndKeepsItsName()
    {
        var client = await fixture.SignUpAsync();
        var server = await McpFixture.RegisterAsync(client, McpFixture.Stdio("everything"));

        var bot = await client.CreateBotAsync(ApiClient.Spec() with { McpServers = [server.Id] });

        Assert.Equal(["everything"], bot.McpServers);
    }

    [Fact]
    public async Task AServerABotUsesKeepsItsName()
    {
        var client = await fixture.SignUpAsync();
        var server = await McpFixture.RegisterAsync(client, McpFixture.Stdio("everything"));
        await client.CreateBotAsync(ApiClient.Spec("Echo-Bot") with { McpServers = ["everything"] });

        var renamed = await client.PutAsJsonAsync($"/api/mcp-servers/{server.Id}", McpFixture.Stdio("other"));

        await Problems.AssertAsync(renamed, HttpStatusCode.BadRequest, "Echo-Bot use this server as 'everything'");
        Assert.Equal("everything", (await client.GetFromJsonAsync<McpServerView>($"/api/mcp-servers/{server.Id}"))!.Name);
    }
}
