using Microsoft.Playwright;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Testing;
using static Microsoft.Playwright.Assertions;

namespace OpenOrchestrator.Browser.Tests;

/// <summary>
/// The Links section in Chromium: a chain of an "after" schedule, triggers and notification channels is
/// drawn as a graph of bots and arrows, listed in words below it; deleting the bot a chain starts from
/// names what depends on it, and the bot that waited for it becomes manual and says why.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class LinksTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TheLinksGraphDrawsEveryChainAndDeletingItsSourceAsksAndFreesTheWaitingBot()
    {
        var page = await fixture.NewPageAsync();
        await AppPages.SignUpAsync(page, $"{Guid.NewGuid():N}@example.com");
        var dev = await CreateAsync(page, ApiClient.Spec("Dev-Bot") with { Emoji = "💻" });
        await CreateAsync(page, ApiClient.Spec("Test-Bot") with
        {
            Emoji = "🧪",
            Schedule = new ScheduleSpec { Kind = ScheduleKinds.After, AfterBotId = dev },
            Notify = [NotifyChannels.Dashboard, NotifyChannels.Email],
        });
        var deploy = await CreateAsync(page, ApiClient.Spec("Deploy-Bot") with { Emoji = "🚀" });
        var scout = await CreateAsync(page, ApiClient.Spec("eBay-Scout") with { Emoji = "🛒" });
        await LinkAsync(page, new TriggerSpec { SourceBotId = dev, Event = TriggerEvents.Completed, TargetBotId = deploy });
        await LinkAsync(page, new TriggerSpec { SourceBotId = scout, Event = TriggerEvents.Result, TargetAction = TargetActions.NotifyTelegram });
        await page.ReloadAsync();

        var graph = page.Locator(".links-graph");
        await Expect(graph.Locator(".chain-node")).ToHaveCountAsync(7);
        foreach (var name in new[] { "Dev-Bot", "Test-Bot", "Deploy-Bot", "eBay-Scout", "Dashboard", "Telegram", "E-mail" })
        {
            await Expect(graph.Locator($".chain-node[title='{name}']")).ToBeVisibleAsync();
        }

        // Every arrow is drawn (a path with a head) once the canvas has measured itself.
        await Expect(graph.Locator(".chain-arrowhead")).ToHaveCountAsync(8);
        await Expect(graph.Locator(".chain-label", new() { HasTextString = "after" })).ToBeVisibleAsync();
        await Expect(graph.Locator(".chain-label", new() { HasTextString = "when done" })).ToBeVisibleAsync();
        await Expect(graph.Locator(".chain-label", new() { HasTextString = "on result" })).ToBeVisibleAsync();
        await Expect(graph.Locator(".chain-label", new() { HasTextString = "sends to" })).ToHaveCountAsync(5);
        var list = page.GetByRole(AriaRole.List, new() { Name = "Links" });
        await Expect(list.GetByText("Test-Bot runs after Dev-Bot")).ToBeAttachedAsync();
        await Expect(list.GetByText("🛒 eBay-Scout ──on result──▶ 📱 Telegram message")).ToBeVisibleAsync();
        await Expect(list.GetByText("Test-Bot sends its results to Dashboard, E-mail")).ToBeAttachedAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Links" }).ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, "links");

        await graph.Locator(".chain-node[title='Dev-Bot']").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dev-Bot" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete bot" }).ClickAsync();
        var question = page.GetByRole(AriaRole.Dialog);
        await Expect(question.GetByText("Test-Bot runs after it (its schedule becomes manual)")).ToBeVisibleAsync();
        await Expect(question.GetByText("Trigger: when it is done, start Deploy-Bot")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "delete-bot-dependents");
        await question.GetByRole(AriaRole.Button, new() { Name = "Delete anyway" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My bots" })).ToBeVisibleAsync();
        var tester = page.GetByRole(AriaRole.Article, new() { Name = "Test-Bot" });
        await Expect(tester.Locator("[data-status='idle']")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Recent activity" })
            .GetByText("Its schedule became manual: Dev-Bot, the bot it ran after, was deleted.")).ToBeVisibleAsync();
        await Expect(graph.Locator(".chain-node[title='Dev-Bot']")).ToHaveCountAsync(0);
    }

    private static async Task<string> CreateAsync(IPage page, BotSpec spec)
    {
        var response = await page.APIRequest.PostAsync("/api/bots", new() { DataObject = spec });
        Assert.Equal(201, response.Status);
        return (await response.JsonAsync())!.Value.GetProperty("id").GetString()!;
    }

    private static async Task LinkAsync(IPage page, TriggerSpec spec)
    {
        var response = await page.APIRequest.PostAsync("/api/triggers", new() { DataObject = spec });
        Assert.True(response.Status == 201, $"POST /api/triggers: {response.Status} {await response.TextAsync()}");
    }
}
