using System.Net;
using System.Text.Json;
using OpenOrchestrator.Frontend.Pages;

namespace OpenOrchestrator.Frontend.Tests;

public sealed class MailboxSectionTests : FrontendContext
{
    private static readonly SettingsView WithMailbox = new(null, null, false, false, false)
    {
        Imap = new ImapSettingsView("imap.shop.example", 993, "support@shop.example", true, "INBOX", ImapSecurities.Ssl)
        {
            LastError = "The server imap.shop.example:993 did not accept the username and password.",
            LastErrorAt = DateTimeOffset.UtcNow,
        },
    };

    private IRenderedComponent<SettingsPage> RenderPage(SettingsView settings)
    {
        Api.On(HttpMethod.Get, "/api/settings", settings);
        var page = Render<SettingsPage>();
        page.WaitForElement("#imap-host");
        return page;
    }

    private JsonElement Sent(HttpMethod method, string path) => JsonDocument.Parse(Api.Bodies(method, path).Last()!).RootElement;

    [Fact]
    public void TheStoredMailboxShowsItsFieldsThatItsPasswordIsSetAndWhyItCannotBeRead()
    {
        var page = RenderPage(WithMailbox);

        Assert.Equal("imap.shop.example", page.Find("#imap-host").GetAttribute("value"));
        Assert.Equal("993", page.Find("#imap-port").GetAttribute("value"));
        Assert.Equal("true", page.Find("#imap-password-state").GetAttribute("data-set"));
        Assert.Empty(page.Find("#imap-password").GetAttribute("value") ?? "");
        Assert.Contains("did not accept the username and password", page.Find("#mailbox-status").TextContent);
    }

    [Fact]
    public void TestingTheConnectionSendsTheFieldsAsTypedAndShowsWhatIsWrong()
    {
        Api.On(HttpMethod.Post, "/api/settings/imap/test", new ImapTestResult(false, "The server imap.shop.example:993 has no folder \"Support\"."));
        var page = RenderPage(WithMailbox);

        page.Find("#imap-folder").Change("Support");
        page.Find("#imap-test").Click();

        page.WaitForAssertion(() => Assert.Contains("has no folder \"Support\"", page.Find("#imap-test-result").TextContent));
        var sent = Sent(HttpMethod.Post, "/api/settings/imap/test");
        Assert.Equal("Support", sent.GetProperty("folder").GetString());
        Assert.Equal(JsonValueKind.Null, sent.GetProperty("password").ValueKind);
    }

    [Fact]
    public void ANewMailboxIsSavedWithItsPasswordAndAFieldTheServerRefusesSaysWhy()
    {
        const string Message = "A port between 1 and 65535 (993 for ssl, 143 for starttls or none).";
        Api.OnProblem(HttpMethod.Put, "/api/settings", HttpStatusCode.BadRequest, "One or more validation errors occurred.",
            errors: new Dictionary<string, string[]> { ["imap.port"] = [Message] });
        var page = RenderPage(new SettingsView(null, null, false, false, false));

        page.Find("#imap-host").Change("imap.shop.example");
        page.Find("#imap-port").Change("70000");
        page.Find("#imap-username").Change("support@shop.example");
        page.Find("#imap-password").Change("s3cret ");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains(Message, page.Find("#imap-port").Closest(".mud-input-control")!.TextContent));
        var imap = Sent(HttpMethod.Put, "/api/settings").GetProperty("imap");
        Assert.Equal(("imap.shop.example", 70000, "s3cret ", ImapSecurities.Auto),
            (imap.GetProperty("host").GetString(), imap.GetProperty("port").GetInt32(), imap.GetProperty("password").GetString(), imap.GetProperty("security").GetString()));
    }

    [Fact]
    public void TheMailboxSpeaksGerman()
    {
        UseCulture("de-DE");
        Api.On(HttpMethod.Post, "/api/settings/imap/test", new ImapTestResult(true, null, 1));
        var page = RenderPage(WithMailbox);

        page.Find("#imap-test").Click();

        page.WaitForAssertion(() => Assert.Equal("Die Verbindung funktioniert: Der Ordner enthält 1 Nachricht.", page.Find("#imap-test-result").TextContent.Trim()));
        Assert.Contains("Postfach", page.Find("#mailbox-title").TextContent);
        Assert.Equal("Verbindung testen", page.Find("#imap-test").TextContent.Trim());
    }
}
