using Microsoft.Extensions.DependencyInjection;
using OpenOrchestrator.Frontend.Components;
using OpenOrchestrator.Frontend.Services;

namespace OpenOrchestrator.Frontend.Tests;

/// <summary>An approved draft tells how its mail went: on its way, sent, or not sent with the reason.</summary>
public sealed class ApprovedMailTests : FrontendContext
{
    private const string Refused = "The mail server 127.0.0.1:2525 refused kim@example.com: 550 5.1.1 no such mailbox";

    private static readonly ResultView Draft = new("d1", "b1", "run1", "Re: Where is my parcel?", "Hello Kim.", null,
        new Dictionary<string, string> { ["to"] = "kim@example.com" }, false, true, ResultStatuses.AwaitingApproval, DateTimeOffset.UnixEpoch);

    private static ResultView Approved(string status, string? error = null) => Draft with
    {
        Status = ResultStatuses.Approved,
        IsNew = false,
        Mail = new DeliveryView(NotifyChannels.Email, "kim@example.com", status, error is null ? 0 : 1, error, null),
    };

    [Fact]
    public void AMailThatFailsAfterApprovalShowsTheReasonOnTheDraftWithoutAReload()
    {
        Api.On(HttpMethod.Get, "/api/bots/b1/results?filter=all", new[] { Draft })
            .On(HttpMethod.Post, "/api/results/d1/approve", Approved(DeliveryStatuses.Pending));
        var panel = Render<ResultsPanel>(p => p.Add(r => r.BotId, "b1"));
        panel.WaitForElement(".results li");

        panel.Find(".results li").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Approve and send").Click();
        panel.WaitForAssertion(() => Assert.Equal("Mailing to kim@example.com…", panel.Find(".mail").TextContent));

        Api.On(HttpMethod.Get, "/api/bots/b1/results?filter=all", new[] { Approved(DeliveryStatuses.Failed, Refused) });
        Services.GetRequiredService<LiveClient>().ReceiveNotification(new NotificationView(
            7, "b1", "Drafter", "📧", "run1", NotificationKinds.Mail, Draft.Title, "Hello Kim.", false, DateTimeOffset.UnixEpoch,
            [new DeliveryView(NotifyChannels.Email, "kim@example.com", DeliveryStatuses.Failed, 1, Refused, null)]));

        panel.WaitForAssertion(() => Assert.Equal($"Not mailed to kim@example.com: {Refused}", panel.Find(".mail").TextContent));
        Assert.Contains("failed", panel.Find(".mail").ClassList);
    }

    [Fact]
    public void ANotificationOfAnotherBotDoesNotReadTheListAgain()
    {
        Api.On(HttpMethod.Get, "/api/bots/b1/results?filter=all", new[] { Approved(DeliveryStatuses.Sent) });
        var panel = Render<ResultsPanel>(p => p.Add(r => r.BotId, "b1"));
        panel.WaitForAssertion(() => Assert.Equal("Mailed to kim@example.com ✓", panel.Find(".mail").TextContent));

        Services.GetRequiredService<LiveClient>().ReceiveNotification(new NotificationView(
            8, "b2", "Other", "🤖", "run2", NotificationKinds.Mail, "Other", "", false, DateTimeOffset.UnixEpoch, []));

        Assert.Single(Api.Routes, r => r == "GET /api/bots/b1/results?filter=all");
    }
}
