using Microsoft.Playwright;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Testing;
using static Microsoft.Playwright.Assertions;

namespace OpenOrchestrator.Browser.Tests;

/// <summary>
/// The dashboard as a new user meets it, in Chromium against the real process: sign up, create a
/// bot in the dialog, run it and watch its log and results arrive live, pin one, link it to a
/// second bot in the link editor and see that one start live; another user sees none of it.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class DashboardFlowTests(BrowserFixture fixture)
{
    private readonly TaskCompletionSource _scoutRelease = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _testerRelease = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _testerRanTwice = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _testerCalls;

    [Fact]
    public async Task ANewUserBuildsRunsAndLinksBotsAndSeesItAllLive()
    {
        fixture.Model.Script = ReplyAsync;
        var page = await fixture.NewPageAsync();
        await AppPages.SignUpAsync(page, $"{Guid.NewGuid():N}@example.com");
        await Expect(page.GetByText("No bots yet")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "dashboard-empty");

        await page.GetByRole(AriaRole.Button, new() { Name = "New bot" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Form, new() { Name = "New bot" });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(dialog.GetByText("A bot needs a name.")).ToBeVisibleAsync();
        await dialog.GetByLabel("Name", new() { Exact = true }).FillAsync("Scout");
        await Expect(dialog.GetByText("A bot needs a name.")).Not.ToBeVisibleAsync();
        await dialog.GetByLabel("Description").FillAsync("Finds used bikes under 300 €.");
        await dialog.GetByLabel("Prompt").FillAsync("Find used bikes under 300 € and report each offer.");
        await BrowserFixture.ScreenshotAsync(page, "bot-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var scoutCard = page.GetByRole(AriaRole.Article, new() { Name = "Scout" });
        await Expect(scoutCard).ToBeVisibleAsync();

        await scoutCard.GetByRole(AriaRole.Link, new() { Name = "Scout" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Run now" }).ClickAsync();
        var log = page.GetByRole(AriaRole.Log, new() { Name = "Run log" });
        await Expect(log).ToContainTextAsync("Run started");
        await Expect(page.Locator("[data-status='running']")).ToBeVisibleAsync();
        _scoutRelease.TrySetResult();
        var results = page.GetByRole(AriaRole.List, new() { Name = "Results" }).GetByRole(AriaRole.Listitem);
        await Expect(results).ToHaveCountAsync(2);
        await Expect(log).ToContainTextAsync("Done: 2 new results,");

        var bikeA = page.GetByRole(AriaRole.Listitem, new() { Name = "Bike A" });
        await bikeA.GetByRole(AriaRole.Button, new() { Name = "Pin" }).ClickAsync();
        await Expect(bikeA.GetByRole(AriaRole.Button, new() { Name = "Unpin" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Filter results" }).GetByRole(AriaRole.Button, new() { Name = "Pinned" }).ClickAsync();
        await Expect(results).ToHaveCountAsync(1);
        await Expect(results.First).ToContainTextAsync("Bike A");
        await BrowserFixture.ScreenshotAsync(page, "bot-page");

        await page.GetByRole(AriaRole.Link, new() { Name = "OpenOrchestrator home" }).ClickAsync();
        var found = page.GetByRole(AriaRole.List, new() { Name = "Recent activity" }).GetByRole(AriaRole.Link, new() { Name = "“Bike A”" });
        await Expect(found).ToHaveAttributeAsync("href", "https://shop.example/a");
        await page.GetByRole(AriaRole.Button, new() { Name = "New bot" }).ClickAsync();
        dialog = page.GetByRole(AriaRole.Form, new() { Name = "New bot" });
        await dialog.GetByLabel("Name", new() { Exact = true }).FillAsync("Tester");
        await dialog.GetByLabel("Prompt").FillAsync("Check what the scout found.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var testerCard = page.GetByRole(AriaRole.Article, new() { Name = "Tester" });
        await Expect(testerCard).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "New link" }).ClickAsync();
        var link = page.GetByRole(AriaRole.Form, new() { Name = "New link" });
        await link.GetByLabel("Source bot").SelectOptionAsync(new SelectOptionValue { Label = "🤖 Scout" });
        await link.GetByLabel("Event").SelectOptionAsync(TriggerEvents.Completed);
        await link.GetByLabel("Target").SelectOptionAsync(new SelectOptionValue { Label = "Start 🤖 Tester" });
        await BrowserFixture.ScreenshotAsync(page, "link-dialog");
        await link.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Delete link", Exact = false })).ToBeVisibleAsync();

        await scoutCard.GetByRole(AriaRole.Button, new() { Name = "Run" }).ClickAsync();
        await Expect(testerCard.Locator("[data-status='running']")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "dashboard");
        _testerRelease.TrySetResult();
        await Expect(testerCard.Locator("[data-status='running']")).Not.ToBeVisibleAsync();

        var stranger = await fixture.NewPageAsync(390, 844);
        await AppPages.SignUpAsync(stranger, $"{Guid.NewGuid():N}@example.com");
        await Expect(stranger.GetByText("No bots yet")).ToBeVisibleAsync();
        await scoutCard.GetByRole(AriaRole.Button, new() { Name = "Run" }).ClickAsync();
        await _testerRanTwice.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Expect(testerCard.Locator("[data-status='running']")).Not.ToBeVisibleAsync();
        await Expect(stranger.GetByRole(AriaRole.Article)).ToHaveCountAsync(0);
        await Expect(stranger.GetByRole(AriaRole.List, new() { Name = "Recent activity" })).ToHaveCountAsync(0);
        await Expect(stranger.GetByText("Scout")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(stranger, "dashboard-phone-other-user");

        await page.SetViewportSizeAsync(390, 844);
        await Expect(scoutCard).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the dashboard scrolls sideways on a phone");
        await BrowserFixture.ScreenshotAsync(page, "dashboard-phone");
        await scoutCard.GetByRole(AriaRole.Link, new() { Name = "Scout" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Log, new() { Name = "Run log" })).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the bot page scrolls sideways on a phone");
        await BrowserFixture.ScreenshotAsync(page, "bot-page-phone");
    }

    private async Task<ModelReply> ReplyAsync(ModelRequest request, CancellationToken cancellationToken)
    {
        var prompt = request.SystemPrompt ?? "";
        if (prompt.Contains("\"Scout\"", StringComparison.Ordinal) && request.Round() == 0)
        {
            await _scoutRelease.Task.WaitAsync(cancellationToken);
            return ModelReply.ToolCalls(
                ModelToolCall.Create("results-report", new { title = "Bike A", url = "https://shop.example/a", price = "120 €" }),
                ModelToolCall.Create("results-report", new { title = "Bike B", url = "https://shop.example/b", price = "240 €" }));
        }

        if (prompt.Contains("\"Tester\"", StringComparison.Ordinal))
        {
            if (Interlocked.Increment(ref _testerCalls) == 2) _testerRanTwice.TrySetResult();
            await _testerRelease.Task.WaitAsync(cancellationToken);
        }

        return ModelReply.Text("Done.");
    }
}
