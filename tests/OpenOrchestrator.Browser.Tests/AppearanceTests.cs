using System.Text.Json;
using Microsoft.Playwright;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Testing;
using static Microsoft.Playwright.Assertions;

namespace OpenOrchestrator.Browser.Tests;

/// <summary>
/// Dark and light: the app follows the system's colour scheme, the user menu overrides it (remembered across
/// reloads), and the dashboard and a bot page are captured in both for a person to look at.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AppearanceTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TheAppFollowsADarkSystemAndTheUserMenuChoosesLightOrDarkForGood()
    {
        fixture.Model.SetScript(r => r.Round() == 0
            ? ModelReply.ToolCalls(
                ModelToolCall.Create("results-report", new { title = "Cube Attention 29 — 280 €", url = "https://shop.example/cube", price = "280 €" }),
                ModelToolCall.Create("results-report", new { title = "Canyon Grand Canyon 7 — 299 €", url = "https://shop.example/canyon", price = "299 €" }))
            : ModelReply.Text("Done: 2 offers."));
        var page = await fixture.NewPageAsync(colorScheme: ColorScheme.Dark);
        await AppPages.SignUpAsync(page, $"{Guid.NewGuid():N}@example.com");
        await CreateBotAsync(page, ApiClient.Spec("Scout") with
        {
            Description = "Finds used bikes under 300 €.",
            Schedule = new ScheduleSpec { Kind = ScheduleKinds.Interval, EveryMinutes = 30 },
        });
        await CreateBotAsync(page, ApiClient.Spec("Tester") with { Description = "Checks what the scout found." });
        await page.ReloadAsync();
        var scout = page.GetByRole(AriaRole.Article, new() { Name = "Scout" });
        await Expect(scout).ToBeVisibleAsync();

        await WaitForThemeAsync(page, dark: true);
        await BrowserFixture.DocsScreenshotAsync(page, "dashboard-dark");

        await scout.GetByRole(AriaRole.Link, new() { Name = "Scout" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Run now" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Results" }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
        await Expect(page.GetByText("Completed", new() { Exact = true }).First).ToBeVisibleAsync();
        await BrowserFixture.DocsScreenshotAsync(page, "bot-page-dark");

        await ChooseAsync(page, "Theme: light");
        await WaitForThemeAsync(page, dark: false);
        await BrowserFixture.ScreenshotAsync(page, "bot-page-light");
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Results" }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
        await WaitForThemeAsync(page, dark: false);
        await page.GetByRole(AriaRole.Link, new() { Name = "OpenOrchestrator home" }).ClickAsync();
        await Expect(scout).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "dashboard-light");

        await ChooseAsync(page, "Theme: as the system");
        await WaitForThemeAsync(page, dark: true);
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await WaitForThemeAsync(page, dark: false);
    }

    private static async Task CreateBotAsync(IPage page, BotSpec spec) =>
        Assert.Equal(201, (await page.APIRequest.PostAsync("/api/bots", new() { DataObject = spec })).Status);

    private static async Task ChooseAsync(IPage page, string theme)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Account menu" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = theme }).ClickAsync();
    }

    /// <summary>Until the page's background is dark (or light), as the browser painted it.</summary>
    private static Task WaitForThemeAsync(IPage page, bool dark) =>
        page.WaitForFunctionAsync($$"""
            () => {
                const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
                return ((0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.3) === {{JsonSerializer.Serialize(dark)}};
            }
            """, null, new() { Timeout = 30_000 });
}
