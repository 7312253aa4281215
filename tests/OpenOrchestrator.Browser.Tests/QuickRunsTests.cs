using Microsoft.Playwright;
using OpenOrchestrator.Testing;
using static Microsoft.Playwright.Assertions;

namespace OpenOrchestrator.Browser.Tests;

/// <summary>Runs that end before the page has caught up with their start, on a slow device.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class QuickRunsTests(BrowserFixture fixture)
{
    private const int Runs = 50;

    [Fact]
    public async Task FiftyQuickRunsStartedWithRunNowAllShowAsFinishedWithoutAReload()
    {
        fixture.Model.SetScript(_ => ModelReply.Text("Done."));
        var page = await fixture.NewPageAsync();
        await AppPages.SignUpAsync(page, $"{Guid.NewGuid():N}@example.com");
        Assert.Equal(201, (await page.APIRequest.PostAsync("/api/bots", new() { DataObject = ApiClient.Spec("Quick") })).Status);
        await page.GetByRole(AriaRole.Article, new() { Name = "Quick" }).GetByRole(AriaRole.Link, new() { Name = "Quick" }).ClickAsync();
        await Expect(page.GetByText("This bot has never run.")).ToBeVisibleAsync();

        // A phone: a slow CPU, and answers to requests that come later than the live events on the open connection.
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Emulation.setCPUThrottlingRate", new Dictionary<string, object> { ["rate"] = 6 });
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false, ["latency"] = 150, ["downloadThroughput"] = -1, ["uploadThroughput"] = -1,
        });

        var runNow = page.GetByRole(AriaRole.Button, new() { Name = "Run now" });
        var pastRuns = page.GetByRole(AriaRole.List, new() { Name = "Past runs" }).Locator("li");
        for (var started = 0; started < Runs; started++)
        {
            await Expect(runNow).ToBeEnabledAsync(new() { Timeout = 60_000 });
            await runNow.ClickAsync();
            await Expect(pastRuns).ToHaveCountAsync(started + 1, new() { Timeout = 60_000 });
        }

        await Expect(pastRuns.Filter(new() { HasText = "Completed" })).ToHaveCountAsync(Runs, new() { Timeout = 60_000 });
        await Expect(pastRuns.Filter(new() { HasTextRegex = new("Running|Queued") })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel run" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Run now" })).ToBeEnabledAsync();
        await BrowserFixture.ScreenshotAsync(page, "quick-runs");
    }
}
