using OpenOrchestrator.Frontend.Components;

namespace OpenOrchestrator.Frontend.Tests;

public sealed class LinksSectionTests : FrontendContext
{
    private static readonly BotView Dev = Bot(name: "Dev-Bot") with { Id = "dev", Emoji = "💻" };
    private static readonly BotView Tester = Bot(name: "Test-Bot", schedule: new ScheduleSpec { Kind = ScheduleKinds.After, AfterBotId = "dev" }) with
    {
        Id = "test", Emoji = "🧪", Notify = [NotifyChannels.Dashboard, NotifyChannels.Email],
    };

    private static readonly BotView Scout = Bot(name: "eBay-Scout") with { Id = "scout", Notify = [] };

    private static readonly TriggerView ToTelegram = new("t1", "scout", TriggerEvents.Result, null, TargetActions.NotifyTelegram, true, null, DateTimeOffset.UnixEpoch);
    private static readonly TriggerView DevDone = new("t2", "dev", TriggerEvents.Completed, "test", TargetActions.Start, true, null, DateTimeOffset.UnixEpoch);

    private IRenderedComponent<LinksSection> RenderLinks(params TriggerView[] triggers) =>
        Render<LinksSection>(p => p.Add(s => s.Bots, [Dev, Tester, Scout]).Add(s => s.Triggers, triggers));

    [Fact]
    public void TheGraphDrawsEveryBotAndChannelOfAChainWithArrowsNamedByKind()
    {
        var links = RenderLinks(ToTelegram, DevDone);

        var nodes = links.FindAll(".links-graph .chain-node").Select(n => n.GetAttribute("title")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["Dashboard", "Dev-Bot", "E-mail", "Telegram", "Test-Bot", "eBay-Scout"], nodes);
        var labels = links.FindAll(".links-graph .chain-label").Select(l => l.TextContent).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["after · when done", "on result", "sends to", "sends to", "sends to"], labels);
        Assert.Equal(5, links.FindAll(".links-graph .chain-arrowhead").Count);
    }

    [Fact]
    public void ABotsBoxLeadsToItsPageAndAChannelsToNothing()
    {
        var links = RenderLinks(ToTelegram);

        Assert.Equal("bots/scout", links.Find(".chain-node.bot[title='eBay-Scout']").GetAttribute("href"));
        Assert.Equal("DIV", links.Find(".chain-node.channel[title='Telegram']").TagName);
    }

    [Fact]
    public void TheListBelowSaysEveryChainInWords()
    {
        var links = RenderLinks(ToTelegram);

        Assert.Equal("true", links.Find(".links-graph").GetAttribute("aria-hidden"));
        var spoken = links.FindAll(".links li").Select(li => li.QuerySelector(".sr-only")?.TextContent ?? li.QuerySelector(".link-text")!.TextContent).ToList();
        Assert.Equal(
        [
            "Test-Bot runs after Dev-Bot",
            "🛒 eBay-Scout ──on result──▶ 📱 Telegram message",
            "Dev-Bot sends its results to Dashboard",
            "Test-Bot sends its results to Dashboard, E-mail",
        ], spoken);
        Assert.Single(links.FindAll("button[aria-label^='Delete link']"));
    }

    [Fact]
    public void WithoutAnyChainTheSectionSaysHowToMakeOne()
    {
        var links = Render<LinksSection>(p => p.Add(s => s.Bots, [Scout]).Add(s => s.Triggers, []));

        Assert.Contains("No links yet", links.Markup);
        Assert.Empty(links.FindAll(".links-graph"));
    }
}
