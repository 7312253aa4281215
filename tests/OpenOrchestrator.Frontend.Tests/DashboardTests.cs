using Microsoft.Extensions.DependencyInjection;
using OpenOrchestrator.Frontend.Pages;
using OpenOrchestrator.Frontend.Services;

namespace OpenOrchestrator.Frontend.Tests;

/// <summary>The dashboard's list read and the live changes that arrive while it is on its way.</summary>
public sealed class DashboardTests : FrontendContext
{
    [Fact]
    public void ABotMadeWhileTheListIsReadIsShownThoughTheListPredatesIt()
    {
        var answer = Api.Hold(HttpMethod.Get, "/api/bots");
        Api.On(HttpMethod.Get, "/api/bots", Array.Empty<BotView>()).On(HttpMethod.Get, "/api/triggers", Array.Empty<TriggerView>());
        var page = Render<Dashboard>();

        Services.GetRequiredService<LiveClient>().Receive(Bot(name: "Echo"));
        answer.SetResult();

        page.WaitForAssertion(() => Assert.Contains("Echo", page.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public void ABotDeletedWhileTheListIsReadStaysGone()
    {
        var answer = Api.Hold(HttpMethod.Get, "/api/bots");
        Api.On(HttpMethod.Get, "/api/bots", new[] { Bot(name: "Echo") }).On(HttpMethod.Get, "/api/triggers", Array.Empty<TriggerView>());
        var page = Render<Dashboard>();

        Services.GetRequiredService<LiveClient>().ReceiveDeleted("b1");
        answer.SetResult();

        page.WaitForAssertion(() => Assert.Contains("No bots yet", page.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("Echo", page.Markup, StringComparison.Ordinal);
    }
}
