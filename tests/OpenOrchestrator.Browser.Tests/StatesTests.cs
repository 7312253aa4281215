using Microsoft.Playwright;
using OpenOrchestrator.Testing;
using static Microsoft.Playwright.Assertions;

namespace OpenOrchestrator.Browser.Tests;

/// <summary>Empty, failed and secret states of the bot and settings pages, and the keyboard.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class StatesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task EmptyStatesGuideAFailedRunShowsItsErrorAndDocumentsCanBeWritten()
    {
        fixture.Model.SetScript(r => r.SystemPrompt!.Contains("\"Broken\"", StringComparison.Ordinal)
            ? ModelReply.Error(500, "The model is on fire.")
            : ModelReply.Text("Done."));
        var page = await fixture.NewPageAsync();
        await AppPages.SignUpAsync(page, $"{Guid.NewGuid():N}@example.com");
        Assert.Equal(201, (await page.APIRequest.PostAsync("/api/bots", new() { DataObject = ApiClient.Spec("Broken") })).Status);

        await page.GetByRole(AriaRole.Article, new() { Name = "Broken" }).GetByRole(AriaRole.Link, new() { Name = "Broken" }).ClickAsync();
        await Expect(page.GetByText("This bot has never run.")).ToBeVisibleAsync();
        await Expect(page.GetByText("No results yet.")).ToBeVisibleAsync();
        await Expect(page.GetByText("No documents yet.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Run now" }).ClickAsync();
        await Expect(page.GetByText("The run failed:")).ToBeVisibleAsync();
        await Expect(page.GetByText("The model is on fire.").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-status='failed']")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "New document" }).ClickAsync();
        var editor = page.GetByRole(AriaRole.Form, new() { Name = "Edit document" });
        await editor.GetByLabel("Document path").FillAsync("notes.md");
        await editor.GetByLabel("Content").FillAsync("Remember: bikes under 300 €.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Open notes.md" }).ClickAsync();
        await Expect(page.GetByLabel("Content of notes.md")).ToHaveTextAsync("Remember: bikes under 300 €.");
        await BrowserFixture.ScreenshotAsync(page, "bot-page-failed");

        await page.GetByRole(AriaRole.Link, new() { Name = "OpenOrchestrator home" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Article, new() { Name = "Broken" }).Locator("[data-status='failed']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ARunCanBeGivenItsInput()
    {
        fixture.Model.SetScript(r => ModelReply.Text($"You said: {r.LastUserText}"));
        var page = await fixture.NewPageAsync();
        await AppPages.SignUpAsync(page, $"{Guid.NewGuid():N}@example.com");
        Assert.Equal(201, (await page.APIRequest.PostAsync("/api/bots", new() { DataObject = ApiClient.Spec("Echo") })).Status);
        await page.GetByRole(AriaRole.Article, new() { Name = "Echo" }).GetByRole(AriaRole.Link, new() { Name = "Echo" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Run with input" }).ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Run with input" });
        await form.GetByLabel("Input").FillAsync("Only size 43, please.");
        await form.GetByRole(AriaRole.Button, new() { Name = "Run" }).ClickAsync();

        await Expect(page.GetByText("You said: Only size 43, please.", new() { Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SecretsAreWriteOnlyAndTheDialogOpensFromTheKeyboard()
    {
        const string Key = "sk-browser-test-0123456789";
        var page = await fixture.NewPageAsync();
        await AppPages.SignUpAsync(page, $"{Guid.NewGuid():N}@example.com");

        await page.GetByRole(AriaRole.Button, new() { Name = "New bot" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Form, new() { Name = "New bot" })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByRole(AriaRole.Form, new() { Name = "New bot" })).Not.ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        await Expect(page.GetByLabel("OpenAI API key: not set")).ToBeVisibleAsync();
        await page.GetByLabel("OpenAI API key", new() { Exact = true }).FillAsync(Key);
        await page.GetByRole(AriaRole.Form, new() { Name = "Settings" }).GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByLabel("OpenAI API key: set")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "settings");

        await page.ReloadAsync();
        await Expect(page.GetByLabel("OpenAI API key: set")).ToBeVisibleAsync();
        Assert.DoesNotContain(Key, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(Key, await (await page.APIRequest.GetAsync("/api/settings")).TextAsync(), StringComparison.Ordinal);
    }
}
