using System.Net;
using System.Text.Json;
using OpenOrchestrator.Frontend.Pages;

namespace OpenOrchestrator.Frontend.Tests;

public sealed class ConnectionsPageTests : FrontendContext
{
    private static readonly McpServerView Everything = new(
        "s1", "everything", McpTransports.Http, "https://mcp.example/mcp", ["X-Api-Key"], null, [], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private static readonly IReadOnlyList<McpToolView> Tools = [new("echo", "Echoes back the input string", "everything-echo")];

    private IRenderedComponent<ConnectionsPage> RenderPage(params McpServerView[] servers)
    {
        Api.On(HttpMethod.Get, "/api/mcp-servers", servers);
        var page = Render<ConnectionsPage>();
        page.WaitForElement("#mcp-name");
        return page;
    }

    [Fact]
    public void AddingAServerSendsItsHeadersAndShowsTheToolsItAnsweredWith()
    {
        Api.On(HttpMethod.Post, "/api/mcp-servers", Everything with { Tools = Tools }, HttpStatusCode.Created);
        var page = RenderPage();

        page.Find("#mcp-name").Change("everything");
        page.Find("#mcp-url").Change("https://mcp.example/mcp");
        page.Find("#mcp-headers").Change("X-Api-Key: secret");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("everything-echo", page.Find("ul.tools").TextContent));
        var sent = JsonDocument.Parse(Api.Bodies(HttpMethod.Post, "/api/mcp-servers").Single()!).RootElement;
        Assert.Equal("http", sent.GetProperty("transport").GetString());
        Assert.Equal("secret", sent.GetProperty("headers").GetProperty("X-Api-Key").GetString());
        Assert.Equal("https://mcp.example/mcp", page.Find("[data-server=everything] .target").TextContent);
        Assert.DoesNotContain("GET /api/mcp-servers/s1/tools", Api.Routes);
    }

    [Fact]
    public void AServerThatCannotBeUsedShowsTheReasonAtItsField()
    {
        const string Reason = "could not connect to mcp.example: Connection refused";
        Api.OnProblem(HttpMethod.Post, "/api/mcp-servers", HttpStatusCode.BadRequest, "The MCP server cannot be used", $"The MCP server cannot be used: {Reason}",
            errors: new Dictionary<string, string[]> { ["url"] = [Reason] });
        var page = RenderPage();

        page.Find("#mcp-name").Change("down");
        page.Find("#mcp-url").Change("https://mcp.example/mcp");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains(Reason, page.Find("#mcp-url").Closest(".mud-input-control")!.TextContent));
        Assert.Empty(page.FindAll("[data-server]"));
    }

    [Fact]
    public void TestListsTheToolsAndRemoveDeletesTheServer()
    {
        Api.On(HttpMethod.Get, "/api/mcp-servers/s1/tools", Tools);
        Api.On(HttpMethod.Delete, "/api/mcp-servers/s1", null, HttpStatusCode.NoContent);
        var page = RenderPage(Everything);

        page.Find("[data-server=everything] button.test").Click();
        page.WaitForAssertion(() => Assert.Contains("Echoes back the input string", page.Find("ul.tools").TextContent));
        page.Find("[data-server=everything] button.remove").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-server]")));
        Assert.Contains("DELETE /api/mcp-servers/s1", Api.Routes);
    }

    [Fact]
    public void EditingAServerInPlaceKeepsItsStoredHeadersWhenNoneAreTyped()
    {
        Api.On(HttpMethod.Put, "/api/mcp-servers/s1", Everything with { Url = "https://mcp.example/v2", Tools = Tools });
        var page = RenderPage(Everything);

        page.Find("[data-server=everything] button.edit").Click();
        Assert.Equal("everything", page.Find("#mcp-s1-name").GetAttribute("value"));
        Assert.Equal("https://mcp.example/mcp", page.Find("#mcp-s1-url").GetAttribute("value"));
        Assert.True(string.IsNullOrEmpty(page.Find("#mcp-s1-headers").GetAttribute("value")));
        Assert.Contains("Stored: X-Api-Key", page.Find("[data-server=everything] form").TextContent);
        page.Find("#mcp-s1-url").Change("https://mcp.example/v2");
        page.Find("[data-server=everything] form").Submit();

        page.WaitForAssertion(() => Assert.Equal("https://mcp.example/v2", page.Find("[data-server=everything] .target").TextContent));
        var sent = JsonDocument.Parse(Api.Bodies(HttpMethod.Put, "/api/mcp-servers/s1").Single()!).RootElement;
        Assert.Equal("https://mcp.example/v2", sent.GetProperty("url").GetString());
        Assert.Equal(JsonValueKind.Null, sent.GetProperty("headers").ValueKind);
        Assert.Contains("everything-echo", page.Find("[data-server=everything] ul.tools").TextContent);
        Assert.DoesNotContain("GET /api/mcp-servers/s1/tools", Api.Routes);
    }

    [Fact]
    public void HeadersTypedInAnEditReplaceTheStoredOnes()
    {
        Api.On(HttpMethod.Put, "/api/mcp-servers/s1", Everything with { HeaderNames = ["Authorization"], Tools = Tools });
        var page = RenderPage(Everything);

        page.Find("[data-server=everything] button.edit").Click();
        page.Find("#mcp-s1-headers").Change("Authorization: Bearer new");
        page.Find("[data-server=everything] form").Submit();

        page.WaitForAssertion(() => Assert.Single(Api.Bodies(HttpMethod.Put, "/api/mcp-servers/s1")));
        var headers = JsonDocument.Parse(Api.Bodies(HttpMethod.Put, "/api/mcp-servers/s1").Single()!).RootElement.GetProperty("headers");
        Assert.Equal(["Authorization"], headers.EnumerateObject().Select(h => h.Name));
        Assert.Equal("Bearer new", headers.GetProperty("Authorization").GetString());
    }

    [Fact]
    public void EditingAStdioServerSendsItsCommandAndArgumentsAndShowsRefusalsAtTheirFields()
    {
        var stdio = new McpServerView("s2", "local", McpTransports.Stdio, null, [], "node", ["/opt/mcp/server.js", "stdio"], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        const string InUse = "Echo-Bot use this server as 'local': keep the name, or untick the server in those bots first.";
        Api.OnProblem(HttpMethod.Put, "/api/mcp-servers/s2", HttpStatusCode.BadRequest, "One or more validation errors occurred.",
            errors: new Dictionary<string, string[]> { ["name"] = [InUse] });
        var page = RenderPage(stdio);

        page.Find("[data-server=local] button.edit").Click();
        Assert.Equal("node", page.Find("#mcp-s2-command").GetAttribute("value"));
        page.Find("#mcp-s2-name").Change("renamed");
        page.Find("[data-server=local] form").Submit();

        page.WaitForAssertion(() => Assert.Contains(InUse, page.Find("#mcp-s2-name").Closest(".mud-input-control")!.TextContent));
        var sent = JsonDocument.Parse(Api.Bodies(HttpMethod.Put, "/api/mcp-servers/s2").Single()!).RootElement;
        Assert.Equal("renamed", sent.GetProperty("name").GetString());
        Assert.Equal(["/opt/mcp/server.js", "stdio"], sent.GetProperty("args").EnumerateArray().Select(a => a.GetString()));
        Assert.Empty(page.FindAll("[data-server=local] .target"));
    }
}
