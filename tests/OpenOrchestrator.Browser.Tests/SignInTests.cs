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

        // An instance without any account opens on sign-up instead (the first visitor creates its owner).
        Assert.Equal(200, (await page.APIRequest.PostAsync("/api/auth/register",
            new() { DataObject = new { email = $"{Guid.NewGuid():N}@example.com", password = OpenOrchestrator.Testing.ApiClient.Password } })).Status);

        await page.GotoAsync("/");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        await Expect(page.GetByRole(AriaRole.Form, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "sign-in");
        Assert.Empty(outside);
    }
}
