using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using OpenOrchestrator.Frontend.Components;

namespace OpenOrchestrator.Frontend.Tests;

/// <summary>The bot form's MCP servers: all of a server's tools, or only those ticked, listed from the server.</summary>
public sealed class McpServerChoiceTests : FrontendContext
{
    private static readonly McpServerView Everything = new(
        "s1", "everything", McpTransports.Http, "https://mcp.example/mcp", [], null, [], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private static readonly IReadOnlyList<McpToolView> Tools =
    [
        new("echo", "Echoes back the input string", "everything-echo"),
        new("get-sum", "Adds two numbers", "everything-get-sum"),
    ];

    private static readonly BotView Narrowed = Bot() with { McpServers = ["everything"], McpTools = ["everything.echo"] };

    private IRenderedComponent<BotForm> RenderForm(BotView? bot = null) =>
        Render<BotForm>(p => p
            .Add(f => f.Models, [new ModelInfo("gpt-4o-mini", "openai", true)])
            .Add(f => f.McpServers, [Everything])
            .Add(f => f.Bot, bot));

    private static IElement Server(IRenderedComponent<BotForm> form) => form.Find("[data-mcp-server=everything]");

    private static IHtmlInputElement Labelled(IElement scope, string label) =>
        (IHtmlInputElement)scope.QuerySelectorAll("label").Single(l => l.TextContent.Trim() == label).QuerySelector("input")!;

    private JsonElement Sent(HttpMethod method, string route) => JsonDocument.Parse(Api.Bodies(method, route).Single()!).RootElement;

    private static string[] McpTools(JsonElement spec) => [.. spec.GetProperty("mcpTools").EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public void TickingAServerListsItsToolsAndOnlyThoseTickedAreSent()
    {
        Api.On(HttpMethod.Get, "/api/mcp-servers/s1/tools", Tools);
        Api.On(HttpMethod.Post, "/api/bots", Bot(), HttpStatusCode.Created);
        var form = RenderForm();
        form.Find("#bot-name").Input("Echo");
        form.Find("#bot-prompt").Input("Say hello.");
        Assert.DoesNotContain("GET /api/mcp-servers/s1/tools", Api.Routes);

        Labelled(Server(form), "everything").Change(true);
        form.WaitForAssertion(() => Assert.Contains("GET /api/mcp-servers/s1/tools", Api.Routes));
        Assert.True(Labelled(Server(form), "All tools").IsChecked);
        Assert.Empty(form.FindAll("[data-mcp-tool]"));
        Labelled(Server(form), "Only these tools").Click();
        form.WaitForAssertion(() => Assert.Equal(["echo", "get-sum"], form.FindAll("[data-mcp-tool]").Select(t => t.GetAttribute("data-mcp-tool"))));
        Labelled(form.Find("[data-mcp-tool=echo]"), "echo").Change(true);
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Single(Api.Bodies(HttpMethod.Post, "/api/bots")));
        var sent = Sent(HttpMethod.Post, "/api/bots");
        Assert.Equal(["everything"], sent.GetProperty("mcpServers").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["everything.echo"], McpTools(sent));
    }

    [Fact]
    public void ABotNarrowedToSomeToolsOpensWithThemTickedAndAllToolsClearsThem()
    {
        Api.On(HttpMethod.Get, "/api/mcp-servers/s1/tools", Tools);
        Api.On(HttpMethod.Put, "/api/bots/b1", Bot());
        var form = RenderForm(Narrowed);

        form.WaitForAssertion(() => Assert.Equal(2, form.FindAll("[data-mcp-tool]").Count));
        Assert.True(Labelled(Server(form), "Only these tools").IsChecked);
        Assert.True(Labelled(form.Find("[data-mcp-tool=echo]"), "echo").IsChecked);
        Assert.False(Labelled(form.Find("[data-mcp-tool=get-sum]"), "get-sum").IsChecked);
        Labelled(Server(form), "All tools").Click();
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Single(Api.Bodies(HttpMethod.Put, "/api/bots/b1")));
        Assert.Empty(McpTools(Sent(HttpMethod.Put, "/api/bots/b1")));
    }

    [Fact]
    public void AServerThatCannotListItsToolsSaysWhyAndKeepsTheToolsChosenBefore()
    {
        const string Reason = "The MCP server cannot be used: could not connect to mcp.example: Connection refused";
        Api.OnProblem(HttpMethod.Get, "/api/mcp-servers/s1/tools", HttpStatusCode.BadRequest, "The MCP server cannot be used", Reason,
            errors: new Dictionary<string, string[]> { ["url"] = ["could not connect to mcp.example: Connection refused"] });
        Api.On(HttpMethod.Put, "/api/bots/b1", Bot());
        var form = RenderForm(Narrowed);

        form.WaitForAssertion(() => Assert.Contains(Reason, form.Find("[data-mcp-server=everything] .mcp-tools-error").TextContent));
        Assert.True(Labelled(form.Find("[data-mcp-tool=echo]"), "echo").IsChecked);
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Single(Api.Bodies(HttpMethod.Put, "/api/bots/b1")));
        Assert.Equal(["everything.echo"], McpTools(Sent(HttpMethod.Put, "/api/bots/b1")));
    }

    [Fact]
    public void UntickingAServerTakesItsToolsOutOfTheSpec()
    {
        Api.On(HttpMethod.Get, "/api/mcp-servers/s1/tools", Tools);
        Api.On(HttpMethod.Put, "/api/bots/b1", Bot());
        var form = RenderForm(Narrowed);
        form.WaitForAssertion(() => Assert.Equal(2, form.FindAll("[data-mcp-tool]").Count));

        Labelled(Server(form), "everything").Change(false);
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Single(Api.Bodies(HttpMethod.Put, "/api/bots/b1")));
        var sent = Sent(HttpMethod.Put, "/api/bots/b1");
        Assert.Empty(sent.GetProperty("mcpServers").EnumerateArray());
        Assert.Empty(McpTools(sent));
    }
}
