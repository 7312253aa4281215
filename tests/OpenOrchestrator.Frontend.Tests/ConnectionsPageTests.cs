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
    public void AddingAServerSendsItsHeadersAndShowsItsTools()
    {
        Api.On(HttpMethod.Post, "/api/mcp-servers", Everything, HttpStatusCode.Created);
        Api.On(HttpMethod.Get, "/api/mcp-servers/s1/tools", Tools);
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
}
