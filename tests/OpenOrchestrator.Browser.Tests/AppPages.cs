using Microsoft.Playwright;
using OpenOrchestrator.Testing;
using static Microsoft.Playwright.Assertions;

namespace OpenOrchestrator.Browser.Tests;

/// <summary>Steps every browser test takes the way a user does.</summary>
public static class AppPages
{
    public static async Task SignUpAsync(IPage page, string email)
    {
        await page.GotoAsync("/signup");
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Sign up" });
        await form.GetByLabel("Email").FillAsync(email);
        await form.GetByLabel("Password").FillAsync(ApiClient.Password);
        await form.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My bots" })).ToBeVisibleAsync();
    }
}
