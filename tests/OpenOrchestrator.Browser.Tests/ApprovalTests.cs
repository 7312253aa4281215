using Microsoft.Playwright;
using OpenOrchestrator.Testing;
using static Microsoft.Playwright.Assertions;

namespace OpenOrchestrator.Browser.Tests;

/// <summary>The support drafter in the dashboard: a draft waits, the owner edits and approves it, it is mailed; the bell and the digest show it.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ApprovalTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TheOwnerEditsAndApprovesADraftWhichIsMailedAndShowsInTheBellAndTheDigest()
    {
        var customer = $"{Guid.NewGuid():N}@customer.example";
        fixture.Model.SetScript(r => Scripts.SupportDraft(r, customer));
        var page = await fixture.NewPageAsync();
        await AppPages.SignUpAsync(page, $"{Guid.NewGuid():N}@example.com");
        Assert.Equal(201, (await page.APIRequest.PostAsync("/api/templates/support-mail")).Status);
        await page.ReloadAsync();

        await page.GetByRole(AriaRole.Article, new() { Name = "Support-Drafter" }).GetByRole(AriaRole.Link, new() { Name = "Support-Drafter" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Run with input" }).ClickAsync();
        var input = page.GetByRole(AriaRole.Form, new() { Name = "Run with input" });
        await input.GetByLabel("Input").FillAsync($"From: Kim <{customer}>\nSubject: Where is my parcel?\n\nI ordered a week ago.");
        await input.GetByRole(AriaRole.Button, new() { Name = "Run" }).ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Filter results" }).GetByRole(AriaRole.Button, new() { Name = "To approve" }).ClickAsync();
        var draft = page.GetByRole(AriaRole.Listitem, new() { Name = "Re: Where is my parcel?" });
        await Expect(draft.GetByText("Awaiting approval")).ToBeVisibleAsync();
        await Expect(draft.GetByText($"To: {customer}")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "approval");
        Assert.DoesNotContain(fixture.Smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == customer));

        await draft.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        var editor = page.GetByRole(AriaRole.Form, new() { Name = "Edit and approve" });
        await editor.GetByLabel("Text").FillAsync("Hello Kim,\n\nyour parcel arrives on Friday.\n\nYour support team");
        await BrowserFixture.ScreenshotAsync(page, "approval-edit");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Approve and send" }).ClickAsync();
        await Expect(page.GetByText("Nothing waits for your approval.")).ToBeVisibleAsync();
        var mail = await fixture.Smtp.WaitForMessageToAsync(customer, TimeSpan.FromSeconds(30));

        Assert.Equal("Re: Where is my parcel?", mail.Subject);
        Assert.Contains("your parcel arrives on Friday.", mail.TextBody, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Digest" }).ClickAsync();
        var digest = page.FrameLocator("iframe.digest");
        await Expect(digest.GetByRole(AriaRole.Heading, new() { Name = "1. Re: Where is my parcel?" })).ToBeVisibleAsync();
        await Expect(digest.GetByText("your parcel arrives on Friday.", new() { Exact = false })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "digest");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Notifications", Exact = false }).ClickAsync();
        await Expect(page.GetByText($"✉️ Mail to {customer}: Re: Where is my parcel?")).ToBeVisibleAsync();
        await Expect(page.GetByText("E-mail ✓")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "bell");
    }
}
