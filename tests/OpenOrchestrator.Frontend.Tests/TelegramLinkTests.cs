using System.Net;
using OpenOrchestrator.Frontend.Components;

namespace OpenOrchestrator.Frontend.Tests;

public sealed class TelegramLinkTests : FrontendContext
{
    private static readonly TelegramLinkCode Code = new("K7QX2MPA", "oo_server_bot", "https://t.me/oo_server_bot?start=K7QX2MPA", DateTimeOffset.UtcNow.AddMinutes(30));

    [Fact]
    public void ACodeShowsTheStartCommandAndOpensTheBotInANewTab()
    {
        Api.On(HttpMethod.Post, "/api/settings/telegram/link", Code);
        var link = Render<TelegramLink>();

        link.Find("#telegram-link-start").Click();

        Assert.Equal("/start K7QX2MPA", link.Find("#telegram-link-command").TextContent);
        Assert.Contains("@oo_server_bot", link.Markup);
        var open = link.Find("#telegram-link-open");
        Assert.Equal(Code.Link, open.GetAttribute("href"));
        Assert.Equal("_blank", open.GetAttribute("target"));
        Assert.Contains("noopener", open.GetAttribute("rel"));
    }

    [Fact]
    public void CheckingTooEarlyShowsTheServersProblemAndLinkingShowsTheChat()
    {
        SettingsView? linked = null;
        Api.On(HttpMethod.Post, "/api/settings/telegram/link", Code)
            .On(HttpMethod.Post, "/api/settings/telegram/link/check",
                new { title = "Not linked yet.", detail = "No /start message with your code yet: open the link (or send /start K7QX2MPA to the bot) and try again.", status = 409 },
                HttpStatusCode.Conflict);
        var link = Render<TelegramLink>(p => p.Add(c => c.Linked, s => linked = s));
        link.Find("#telegram-link-start").Click();

        link.Find("#telegram-link-check").Click();
        Assert.Contains("No /start message with your code yet", link.Find("#telegram-link-problem").TextContent);

        Api.On(HttpMethod.Post, "/api/settings/telegram/link/check", new SettingsView("5550001", null, false, false, false));
        link.Find("#telegram-link-check").Click();

        Assert.Equal("Linked to chat 5550001.", link.Find("#telegram-link-done").TextContent.Trim());
        Assert.Empty(link.FindAll("#telegram-link-problem"));
        Assert.Equal("5550001", linked?.TelegramChatId);
    }
}
