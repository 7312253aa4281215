using OpenOrchestrator.Frontend.Components;

namespace OpenOrchestrator.Frontend.Tests;

/// <summary>A bot's documents on its page: text to read and edit, a browser screenshot to look at.</summary>
public sealed class DocumentsPanelTests : FrontendContext
{
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

    [Fact]
    public void AScreenshotOpensAsAPictureAndTextAsText()
    {
        Api.On(HttpMethod.Get, "/api/bots/b1/docs",
            new[] { new DocumentInfo("notes.md", 5, DateTimeOffset.UnixEpoch), new DocumentInfo("screenshots/shop.png", Png.Length, DateTimeOffset.UnixEpoch) });
        Api.OnBytes(HttpMethod.Get, "/api/bots/b1/docs/screenshots/shop.png", Png, "image/png");
        var panel = Render<DocumentsPanel>(p => p.Add(c => c.BotId, "b1"));

        panel.WaitForElement("[aria-label='Open screenshots/shop.png']").Click();

        panel.WaitForAssertion(() =>
        {
            var picture = panel.Find("img.picture");
            Assert.Equal($"data:image/png;base64,{Convert.ToBase64String(Png)}", picture.GetAttribute("src"));
            Assert.Equal("Picture screenshots/shop.png", picture.GetAttribute("alt"));
        });
        Assert.Empty(panel.FindAll("pre.viewer"));
        Assert.DoesNotContain(panel.FindAll("button"), b => b.TextContent.Trim() == "Edit");
    }
}
