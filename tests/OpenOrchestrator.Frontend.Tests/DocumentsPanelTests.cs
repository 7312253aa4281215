using OpenOrchestrator.Frontend.Components;

namespace OpenOrchestrator.Frontend.Tests;

/// <summary>A bot's documents on its page: text to read and edit, a browser screenshot to look at.</summary>
public sealed class DocumentsPanelTests : FrontendContext
{
    [Fact]
    public void AScreenshotOpensAsAPictureTheBrowserLoadsItself()
    {
        Api.On(HttpMethod.Get, "/api/bots/b1/docs",
            new[] { new DocumentInfo("notes.md", 5, DateTimeOffset.UnixEpoch), new DocumentInfo("screenshots/shop.png", 11, DateTimeOffset.UnixEpoch) });
        var panel = Render<DocumentsPanel>(p => p.Add(c => c.BotId, "b1"));

        panel.WaitForElement("[aria-label='Open screenshots/shop.png']").Click();

        panel.WaitForAssertion(() =>
        {
            var picture = panel.Find("img.picture");
            Assert.Equal("api/bots/b1/docs/screenshots/shop.png", picture.GetAttribute("src"));
            Assert.Equal("Picture screenshots/shop.png", picture.GetAttribute("alt"));
        });
        Assert.Empty(panel.FindAll("pre.viewer"));
        Assert.DoesNotContain(Api.Routes, r => r.EndsWith("/shop.png", StringComparison.Ordinal));
        Assert.DoesNotContain(panel.FindAll("button"), b => b.TextContent.Trim() == "Edit");
    }
}
