using System.Net;
using System.Text.Json;
using OpenOrchestrator.Frontend.Components;

namespace OpenOrchestrator.Frontend.Tests;

public sealed class BotFormTests : FrontendContext
{
    private static readonly IReadOnlyList<ModelInfo> Models = [new("gpt-4o-mini", "openai", true), new("claude-sonnet", "anthropic", false)];

    private IRenderedComponent<BotForm> RenderForm(Action<BotView>? saved = null, BotView? bot = null, IReadOnlyList<BotView>? bots = null,
        IReadOnlyList<McpServerView>? mcpServers = null) =>
        Render<BotForm>(p => p
            .Add(f => f.Models, Models)
            .Add(f => f.McpServers, mcpServers ?? [])
            .Add(f => f.Bot, bot)
            .Add(f => f.Bots, bots ?? [])
            .Add(f => f.OnSaved, v => saved?.Invoke(v)));

    private static void Choose(IRenderedComponent<BotForm> form, string schedule) =>
        form.FindAll("label.mud-radio").Single(l => l.TextContent.Trim() == schedule).QuerySelector("input")!.Click();

    [Fact]
    public void SavingAnEmptyFormShowsTheMessagesBesideNameAndPromptAndAsksNoServer()
    {
        var form = RenderForm();

        form.Find("form").Submit();

        Assert.Contains("A bot needs a name.", form.Find("#bot-name").Closest(".mud-input-control")!.TextContent);
        Assert.Contains("A bot needs a prompt: what should it do?", form.Find("#bot-prompt").Closest(".mud-input-control")!.TextContent);
        Assert.Empty(Api.Sent);
    }

    [Fact]
    public void AnIntervalWithoutMinutesIsRefusedBeforeTheServerIsAsked()
    {
        var form = RenderForm();
        form.Find("#bot-name").Input("eBay-Scout");
        form.Find("#bot-prompt").Input("Find deals.");
        Choose(form, "Every N minutes");
        form.WaitForElement("#bot-every");

        form.Find("#bot-every").Input("");
        form.WaitForAssertion(() => Assert.Null(form.Instance.Draft.EveryMinutes));
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Contains("Say how many minutes apart it runs.", form.Find("#bot-every").Closest(".mud-input-control")!.TextContent));
        Assert.Empty(Api.Sent);
    }

    [Fact]
    public void AnAfterScheduleWithoutABotSaysWhichBotIsMissing()
    {
        var form = RenderForm(bots: [Bot(name: "Dev-Bot")]);
        form.Find("#bot-name").Input("Test-Bot");
        form.Find("#bot-prompt").Input("Test it.");
        Choose(form, "When another bot finishes");
        form.WaitForAssertion(() => Assert.Equal(ScheduleKinds.After, form.Instance.Draft.ScheduleKind));

        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Equal("Choose the bot to wait for.", form.Find("#bot-after-error").TextContent));
    }

    [Fact]
    public void TheServersFieldErrorsAppearBesideTheirFields()
    {
        Api.On(HttpMethod.Post, "/api/bots", new
        {
            title = "One or more validation errors occurred.",
            status = 400,
            errors = new Dictionary<string, string[]>
            {
                ["tools"] = ["The code tool is not available on this server yet."],
                ["model"] = ["The model id may not contain spaces and has at most 200 characters."],
                ["somethingElse"] = ["A rule the form does not know."],
            },
        }, HttpStatusCode.BadRequest);
        var form = RenderForm();
        form.Find("#bot-name").Input("Coder");
        form.Find("#bot-prompt").Input("Write code.");

        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Equal("The code tool is not available on this server yet.", form.Find("#bot-tools-error").TextContent));
        Assert.Equal("The model id may not contain spaces and has at most 200 characters.", form.Find("#bot-model-error").TextContent);
        Assert.Equal("true", form.Find("#bot-model").GetAttribute("aria-invalid"));
        Assert.Contains("A rule the form does not know.", form.Find(".mud-alert").TextContent);
    }

    [Fact]
    public void AValidFormPostsTheWholeSpecAndHandsBackTheSavedBot()
    {
        var created = Bot(name: "eBay-Scout", schedule: new ScheduleSpec { Kind = ScheduleKinds.Interval, EveryMinutes = 15 });
        Api.On(HttpMethod.Post, "/api/bots", created, HttpStatusCode.Created);
        BotView? saved = null;
        var form = RenderForm(v => saved = v);
        form.Find("#bot-name").Input("eBay-Scout");
        form.Find("#bot-emoji").Input("🛒");
        form.Find("#bot-prompt").Input("Find deals under 50 €.");
        form.Find("#bot-model").Change("claude-sonnet");
        Choose(form, "Every N minutes");
        form.Find("#bot-every").Input("15");
        form.WaitForAssertion(() => Assert.Equal(15, form.Instance.Draft.EveryMinutes));

        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Equal(created.Id, saved?.Id));
        var body = JsonDocument.Parse(Api.Sent.Single().Body!).RootElement;
        Assert.Equal("eBay-Scout", body.GetProperty("name").GetString());
        Assert.Equal("🛒", body.GetProperty("emoji").GetString());
        Assert.Equal("claude-sonnet", body.GetProperty("model").GetString());
        Assert.Equal(ScheduleKinds.Interval, body.GetProperty("schedule").GetProperty("kind").GetString());
        Assert.Equal(15, body.GetProperty("schedule").GetProperty("everyMinutes").GetInt32());
        Assert.Equal([NotifyChannels.Dashboard], body.GetProperty("notify").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void EditingABotPutsItsSpecToItsAddress()
    {
        var bot = Bot(name: "eBay-Scout");
        Api.On(HttpMethod.Put, "/api/bots/b1", bot with { Name = "eBay-Scout 2" });
        var form = RenderForm(bot: bot);

        Assert.Equal("eBay-Scout", form.Find("#bot-name").GetAttribute("value"));
        form.Find("#bot-name").Input("eBay-Scout 2");
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Equal("PUT /api/bots/b1", Assert.Single(Api.Sent).Route));
    }

    [Fact]
    public void ABotScheduledForMailStaysSoWhenEditedAndTheFormSaysWhatTheScheduleDoes()
    {
        var bot = Bot(name: "Support", schedule: new ScheduleSpec { Kind = ScheduleKinds.Mail });
        Api.On(HttpMethod.Put, "/api/bots/b1", bot);
        var form = RenderForm(bot: bot);

        Assert.Contains("Each new message in your mailbox", form.Find("#bot-mail-help").TextContent);
        form.Find("#bot-name").Input("Support 2");
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Single(Api.Sent));
        var body = JsonDocument.Parse(Api.Sent.Single().Body!).RootElement;
        Assert.Equal(ScheduleKinds.Mail, body.GetProperty("schedule").GetProperty("kind").GetString());
    }

    [Fact]
    public void TheUsersMcpServersAreOfferedAndTheChosenOnesSent()
    {
        Api.On(HttpMethod.Post, "/api/bots", Bot(), HttpStatusCode.Created);
        McpServerView[] servers =
        [
            new("s1", "everything", McpTransports.Stdio, null, [], "node", [], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch),
            new("s2", "github", McpTransports.Http, "https://mcp.example/mcp", [], null, [], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch),
        ];
        var form = RenderForm(mcpServers: servers);
        form.Find("#bot-name").Input("Echo");
        form.Find("#bot-prompt").Input("Say hello.");

        form.Find("#bot-mcp-servers").QuerySelectorAll("label").Single(l => l.TextContent.Trim() == "github").QuerySelector("input")!.Change(true);
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Single(Api.Bodies(HttpMethod.Post, "/api/bots")));
        var sent = JsonDocument.Parse(Api.Bodies(HttpMethod.Post, "/api/bots").Single()!).RootElement;
        Assert.Equal(["github"], sent.GetProperty("mcpServers").EnumerateArray().Select(e => e.GetString()));
    }
}
