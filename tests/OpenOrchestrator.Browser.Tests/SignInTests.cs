using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenOrchestrator.Browser.Tests;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class SignInTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AVisitorIsSentToSignInAndTheAppNeedsNoOutsideAsset()
    {
        var page = await fixture.NewPageAsync();
        var outside = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(fixture.Silo.BaseUrl.ToString(), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                outside.Add(request.Url);
            }
        };

        await page.GotoAsync("/");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        await Expect(page.GetByRole(AriaRole.Form, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "sign-in");
        Assert.Empty(outside);
    }
}
