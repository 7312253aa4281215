using System.Text.Json;
using Microsoft.Playwright;
using OpenOrchestrator.Contracts;
using static Microsoft.Playwright.Assertions;

namespace OpenOrchestrator.Browser.Tests;

/// <summary>The header from the keyboard: a ring shows where focus is, Escape closes what a click opened, and the bell's count fits.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class KeyboardTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TabbingShowsAFocusRingOnEveryStop()
    {
        var page = await fixture.NewPageAsync();
        await AppPages.SignUpAsync(page, $"{Guid.NewGuid():N}@example.com");
        await page.Locator("body").FocusAsync();

        var stops = new List<string>();
        for (var i = 0; i < 14; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            stops.Add(await page.EvaluateAsync<string>("""
                () => {
                    const e = document.activeElement, s = getComputedStyle(e);
                    const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
                    return `${ring ? 'ring' : 'NONE'} ${e.tagName.toLowerCase()} ${e.getAttribute('aria-label') ?? e.textContent.trim().slice(0, 30)}`;
                }
                """));
        }

        // Past the last element focus leaves the page for the browser's own controls (the body is then the active element).
        var elements = stops.Where(stop => !stop.StartsWith("NONE body", StringComparison.Ordinal)).ToList();
        Assert.True(elements.All(stop => stop.StartsWith("ring ", StringComparison.Ordinal)), string.Join("\n", stops));
        Assert.Contains(elements, stop => stop.Contains("Account menu", StringComparison.Ordinal));
        Assert.Contains(elements, stop => stop.Contains("New bot", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "New bot" }).FocusAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "focus-ring.png") });
    }

    [Fact]
    public async Task EscapeClosesTheUserMenuAndTheBellWhoseLargeCountIsFullyVisible()
    {
        var page = await fixture.NewPageAsync();
        // The bell as a busy user sees it: more unread notifications than the badge counts.
        await page.RouteAsync("**/api/notifications?limit=30", route => route.FulfillAsync(new()
        {
            ContentType = "application/json",
            Body = JsonSerializer.Serialize(new NotificationsPage([], 120, null), new JsonSerializerOptions(JsonSerializerDefaults.Web)),
        }));
        await AppPages.SignUpAsync(page, $"{Guid.NewGuid():N}@example.com");

        var badge = page.Locator(".bell-badge");
        await Expect(badge).ToHaveTextAsync("99+");
        var fits = await badge.EvaluateAsync<bool>("""
            e => {
                const r = e.getBoundingClientRect();
                return r.top >= 0 && r.left >= 0 && r.right <= window.innerWidth && e.scrollWidth <= e.clientWidth
                    && document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.closest('.bell-badge') === e;
            }
            """);
        await page.Locator("header").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "bell-badge.png") });
        Assert.True(fits, "the bell's count is cut off or covered");

        await page.GetByRole(AriaRole.Button, new() { Name = "Account menu" }).ClickAsync();
        var signOut = page.GetByRole(AriaRole.Menuitem, new() { Name = "Sign out" });
        await Expect(signOut).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(signOut).Not.ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Notifications", Exact = false }).ClickAsync();
        var empty = page.GetByText("No notifications yet.");
        await Expect(empty).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(empty).Not.ToBeVisibleAsync();
    }

    [Fact]
    public async Task EscapeClosesThePickerInADialogFirstAndThenTheDialog()
    {
        var page = await fixture.NewPageAsync();
        await AppPages.SignUpAsync(page, $"{Guid.NewGuid():N}@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "New bot" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Form, new() { Name = "New bot" });

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Choose an icon" }).ClickAsync();
        var icon = page.GetByRole(AriaRole.Menuitem, new() { Name = "Use 🛒" });
        await Expect(icon).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");

        await Expect(icon).Not.ToBeVisibleAsync();
        await Expect(dialog).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).Not.ToBeVisibleAsync();
    }
}
