using System.Net;
using System.Net.Http.Json;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Mcp;

/// <summary>A server that cannot be used is refused at registration with the reason; nothing is stored.</summary>
[Collection(ApiCollection.Name)]
public sealed class McpBadInputTests(ApiFixture fixture)
{
    [Theory]
    [InlineData("not a url", "is not a valid absolute URL")]
    [InlineData("ftp://example.com/mcp", "must be http or https, not 'ftp'")]
    [InlineData("http://no-such-host.invalid/mcp", "could not connect to no-such-host.invalid")]
    [InlineData("http://127.0.0.1:9/mcp", "127.0.0.1 is a loopback address")]
    [InlineData("http://10.1.2.3/mcp", "a private address")]
    public async Task AnHttpServerThatCannotBeUsedIsRefusedWithTheReason(string url, string reason)
    {
        var client = await fixture.SignUpAsync();

        var response = await client.PostAsJsonAsync("/api/mcp-servers", new McpServerSpec { Name = "remote", Transport = McpTransports.Http, Url = url });

        await Problems.AssertAsync(response, HttpStatusCode.BadRequest, reason);
        Assert.Empty((await client.GetFromJsonAsync<List<McpServerView>>("/api/mcp-servers"))!);
    }

    [Fact]
    public async Task AnAllowedHostThatIsNoMcpServerIsRefused()
    {
        var client = await fixture.SignUpAsync();

        var response = await client.PostAsJsonAsync("/api/mcp-servers",
            new McpServerSpec { Name = "shop", Transport = McpTransports.Http, Url = new Uri(fixture.Shop.BaseUrl, "/mcp").ToString() });

        await Problems.AssertAsync(response, HttpStatusCode.BadRequest, "not an MCP server at this URL");
    }

    [Fact]
    public async Task AStdioCommandThatDoesNotStartIsRefusedWithTheReason()
    {
        var client = await fixture.SignUpAsync();

        var response = await client.PostAsJsonAsync("/api/mcp-servers",
            new McpServerSpec { Name = "local", Transport = McpTransports.Stdio, Command = "no-such-mcp-server", Args = ["--stdio"] });

        await Problems.AssertAsync(response, HttpStatusCode.BadRequest, "the command 'no-such-mcp-server' did not start an MCP server");
    }

    [Theory]
    [InlineData("{\"name\":\"has-dash\",\"transport\":\"stdio\",\"command\":\"node\"}", "letters, digits or underscores")]
    [InlineData("{\"name\":\"browser\",\"transport\":\"stdio\",\"command\":\"node\"}", "built-in tools")]
    [InlineData("{\"name\":\"x\",\"transport\":\"sse\",\"url\":\"https://example.com\"}", "Unknown transport 'sse'")]
    [InlineData("{\"name\":\"x\",\"transport\":\"stdio\"}", "needs the command")]
    [InlineData("{\"name\":\"x\",\"transport\":\"http\",\"url\":\"https://example.com\",\"headers\":{\"Bad Header\":\"v\"}}", "not a valid header name")]
    public async Task AMalformedSpecIsAProblem(string body, string expected)
    {
        var client = await fixture.SignUpAsync();

        var response = await client.PostAsync("/api/mcp-servers", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await Problems.AssertAsync(response, HttpStatusCode.BadRequest, expected);
    }

    [Fact]
    public async Task ABotNamingAnUnknownServerOrToolIsAProblem()
    {
        var client = await fixture.SignUpAsync();

        var unknown = await client.PostAsJsonAsync("/api/bots", ApiClient.Spec() with { McpServers = ["nowhere"] });
        var toolWithoutServer = await client.PostAsJsonAsync("/api/bots", ApiClient.Spec() with { McpTools = ["nowhere.echo"] });
        var malformedTool = await client.PostAsJsonAsync("/api/bots", ApiClient.Spec() with { McpTools = ["echo"] });

        await Problems.AssertAsync(unknown, HttpStatusCode.BadRequest, "You have no MCP server named 'nowhere'");
        await Problems.AssertAsync(toolWithoutServer, HttpStatusCode.BadRequest, "name the servers first");
        await Problems.AssertAsync(malformedTool, HttpStatusCode.BadRequest, "is no 'server.tool' entry");
    }
}
