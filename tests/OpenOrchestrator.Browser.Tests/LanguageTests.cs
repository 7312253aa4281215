using Microsoft.Playwright;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Testing;
using static Microsoft.Playwright.Assertions;

namespace OpenOrchestrator.Browser.Tests;

/// <summary>
/// A browser that asks for German gets the dashboard in German (captured for a person to read), and the user menu
/// switches it to English for good: after the reload it applies, and after the next one too.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class LanguageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AGermanBrowserGetsGermanUntilTheUserMenuSwitchesToEnglish()
    {
        fixture.Model.SetScript(r => r.Round() == 0
            ? ModelReply.ToolCalls(
                ModelToolCall.Create("results-report", new { title = "Cube Attention 29 — 280 €", url = "https://shop.example/cube", price = "280 €" }),
                ModelToolCall.Create("results-report", new { title = "Canyon Grand Canyon 7 — 299 €", url = "https://shop.example/canyon", price = "299 €" }))
            : ModelReply.Text("Fertig: 2 Angebote."));
        var page = await fixture.NewPageAsync(locale: "de-DE");
        await SignUpAsync(page, $"{Guid.NewGuid():N}@example.com");
        await CreateBotAsync(page, ApiClient.Spec("Scout") with
        {
            Description = "Sucht gebrauchte Fahrräder unter 300 €.",
            Schedule = new ScheduleSpec { Kind = ScheduleKinds.Interval, EveryMinutes = 30 },
            MonthlyBudget = 5,
        });
        await CreateBotAsync(page, ApiClient.Spec("Tester") with { Description = "Prüft, was der Scout gefunden hat." });

        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Meine Bots" })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "de");
        var scout = page.GetByRole(AriaRole.Article, new() { Name = "Scout" });
        await Expect(scout.GetByText("Nächster Lauf in 30 Min.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Neuer Bot" })).ToBeVisibleAsync();
        await BrowserFixture.DocsScreenshotAsync(page, "dashboard-de");
        await page.GetByRole(AriaRole.Button, new() { Name = "Neuer Bot" }).ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Neuer Bot" });
        await Expect(form.GetByText("Ergebnisse senden an")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "bot-dialog-de");
        await form.GetByRole(AriaRole.Button, new() { Name = "Abbrechen" }).ClickAsync();
        await Expect(form).ToBeHiddenAsync();

        await scout.GetByRole(AriaRole.Link, new() { Name = "Scout" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Jetzt starten" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Ergebnisse" }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
        await Expect(page.GetByText("Abgeschlossen", new() { Exact = true }).First).ToBeVisibleAsync();
        await Expect(page.GetByText("2 neue Ergebnisse").First).ToBeVisibleAsync();
        await BrowserFixture.DocsScreenshotAsync(page, "bot-page-de");
        // German words run longer: a phone's width shows whether any of them overflows.
        await page.SetViewportSizeAsync(390, 844);
        await BrowserFixture.ScreenshotAsync(page, "bot-page-de-phone");
        await page.SetViewportSizeAsync(1280, 900);


        await page.GetByRole(AriaRole.Button, new() { Name = "Kontomenü" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Language: English" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Run now" })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByText("2 new results").First).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Results" }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Button, new() { Name = "Account menu" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = "Language: English (chosen)" })).ToBeVisibleAsync();
    }

    /// <summary>Through the API in the page's own context (its cookie), since the sign-up form itself is German here.</summary>
    private static async Task SignUpAsync(IPage page, string email)
    {
        var credentials = new { email, password = ApiClient.Password };
        Assert.Equal(200, (await page.APIRequest.PostAsync("/api/auth/register", new() { DataObject = credentials })).Status);
        Assert.Equal(200, (await page.APIRequest.PostAsync("/api/auth/login?useCookies=true", new() { DataObject = credentials })).Status);
    }

    private static async Task CreateBotAsync(IPage page, BotSpec spec) =>
        Assert.Equal(201, (await page.APIRequest.PostAsync("/api/bots", new() { DataObject = spec })).Status);
}
