using System.Net;
using MudBlazor;
using OpenOrchestrator.Frontend.Components;

namespace OpenOrchestrator.Frontend.Tests;

/// <summary>A bot's web hooks on its page: the URL to copy once, the hooks listed without it, their last calls, revoking.</summary>
public sealed class HooksSectionTests : FrontendContext
{
    private static readonly HookView Listed = new("h1", "b1", "CI", true, DateTimeOffset.UnixEpoch,
        [new HookCallView(DateTimeOffset.UnixEpoch.AddMinutes(2), 202, "0123456789abcdef0123456789abcdef", true), new HookCallView(DateTimeOffset.UnixEpoch.AddMinutes(1), 401, null, false)]);

    [Fact]
    public void ANewHooksUrlAndSecretAreShownOnceAndTheListShowsNeither()
    {
        Api.On(HttpMethod.Get, "/api/bots/b1/hooks", Array.Empty<HookView>());
        var section = Render<HooksSection>(p => p.Add(s => s.BotId, "b1"));
        section.WaitForAssertion(() => Assert.Contains("No hooks yet.", section.Markup));
        Api.On(HttpMethod.Post, "/api/bots/b1/hooks", new HookCreated("h1", "http://localhost:8080/hooks/secret-token", "whsec_signing"), HttpStatusCode.Created)
            .On(HttpMethod.Get, "/api/bots/b1/hooks", new[] { Listed });

        section.FindAll("button").Single(b => b.TextContent.Trim() == "New hook").Click();
        section.Find("#hook-name").Change("CI");
        section.Find("input[type='checkbox']").Change(true);
        section.Find("form").Submit();

        section.WaitForAssertion(() => Assert.Equal("http://localhost:8080/hooks/secret-token", section.Find("#hook-url").GetAttribute("value")));
        Assert.Equal("whsec_signing", section.Find("#hook-secret").GetAttribute("value"));
        Assert.Contains("""{"name":"CI","requireSignature":true}""", Api.Bodies(HttpMethod.Post, "/api/bots/b1/hooks"));
        var listed = section.Find("ul.hooks");
        Assert.DoesNotContain("secret-token", listed.OuterHtml, StringComparison.Ordinal);
        Assert.Contains("signed", listed.TextContent, StringComparison.Ordinal);
        Assert.Equal(["202", "401"], section.FindAll("ol.calls li").Select(li => li.GetAttribute("data-status")));
        Assert.Contains("run …89abcdef · repeat", section.Find("ol.calls li").TextContent, StringComparison.Ordinal);

        section.Find(".created button[aria-label]:not([aria-label^='Copy'])").Click();
        section.WaitForAssertion(() => Assert.Empty(section.FindAll("#hook-url")));
    }

    [Fact]
    public void RevokingAHookAsksFirstThenRemovesIt()
    {
        Api.On(HttpMethod.Get, "/api/bots/b1/hooks", new[] { Listed })
            .On(HttpMethod.Delete, "/api/hooks/h1", null, HttpStatusCode.NoContent);
        var dialogs = Render<MudDialogProvider>();
        var section = Render<HooksSection>(p => p.Add(s => s.BotId, "b1"));

        section.WaitForElement("button[aria-label='Revoke CI']").Click();
        dialogs.WaitForElement(".mud-dialog");
        Assert.Contains("Its URL stops working at once.", dialogs.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("DELETE /api/hooks/h1", Api.Routes);
        Api.On(HttpMethod.Get, "/api/bots/b1/hooks", Array.Empty<HookView>());
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Revoke").Click();

        section.WaitForAssertion(() => Assert.Contains("No hooks yet.", section.Markup));
        Assert.Contains("DELETE /api/hooks/h1", Api.Routes);
    }
}
