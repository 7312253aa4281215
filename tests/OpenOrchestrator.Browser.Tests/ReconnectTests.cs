using Microsoft.Playwright;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Testing;
using static Microsoft.Playwright.Assertions;

namespace OpenOrchestrator.Browser.Tests;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ReconnectTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TheDashboardReconnectsByItselfAfterTheServerRestarts()
    {
        var page = await fixture.NewPageAsync();
        await AppPages.SignUpAsync(page, $"{Guid.NewGuid():N}@example.com");
        var connected = page.GetByRole(AriaRole.Status, new() { Name = "Live updates connected" });
        await Expect(connected).ToBeVisibleAsync();

        await fixture.RestartSiloAsync(() => Expect(connected).Not.ToBeVisibleAsync());
        await Expect(connected).ToBeVisibleAsync(new() { Timeout = 60_000 });

        // Created elsewhere (a script, another tab): the card appears without a reload.
        var created = await page.APIRequest.PostAsync("/api/bots", new() { DataObject = ApiClient.Spec("After restart") });
        Assert.Equal(201, created.Status);
        await Expect(page.GetByRole(AriaRole.Article, new() { Name = "After restart" })).ToBeVisibleAsync();
        Assert.Equal(BotStatuses.Idle, await page.GetByRole(AriaRole.Article, new() { Name = "After restart" }).Locator("[data-status]").GetAttributeAsync("data-status"));
    }
}
