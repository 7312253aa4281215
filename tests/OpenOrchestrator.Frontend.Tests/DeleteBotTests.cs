using MudBlazor;
using OpenOrchestrator.Frontend.Pages;

namespace OpenOrchestrator.Frontend.Tests;

public sealed class DeleteBotTests : FrontendContext
{
    private static readonly BotView Dev = Bot(name: "Dev-Bot");
    private static readonly BotView Tester = Bot(name: "Test-Bot", schedule: new ScheduleSpec { Kind = ScheduleKinds.After, AfterBotId = "b1" }) with { Id = "b2" };
    private static readonly BotView Deploy = Bot(name: "Deploy-Bot") with { Id = "b3" };

    private (IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<BotPage> Page) Open(TriggerView[] triggers)
    {
        Api.On(HttpMethod.Get, "/api/bots", new[] { Dev, Tester, Deploy })
            .On(HttpMethod.Get, "/api/triggers", triggers)
            .On(HttpMethod.Get, "/api/bots/b1/runs?limit=30", Array.Empty<RunView>())
            .On(HttpMethod.Get, "/api/bots/b1/results?filter=all", Array.Empty<ResultView>())
            .On(HttpMethod.Delete, "/api/bots/b1", null, System.Net.HttpStatusCode.NoContent);
        var dialogs = Render<MudDialogProvider>();
        var page = Render<BotPage>(p => p.Add(b => b.Id, "b1"));
        page.WaitForElement("h1.name");
        page.Find("button[aria-label='Delete bot']").Click();
        dialogs.WaitForElement(".mud-dialog");
        return (dialogs, page);
    }

    [Fact]
    public void DeletingABotOthersDependOnNamesEachAndHowBeforeAsking()
    {
        var (dialogs, _) = Open(
        [
            new("t1", "b1", TriggerEvents.Completed, "b3", TargetActions.Start, true, null, DateTimeOffset.UnixEpoch),
            new("t2", "b1", TriggerEvents.Result, null, TargetActions.NotifyTelegram, true, null, DateTimeOffset.UnixEpoch),
            new("t3", "b3", TriggerEvents.Failed, "b1", TargetActions.Start, true, null, DateTimeOffset.UnixEpoch),
            new("t4", "b3", TriggerEvents.Completed, "b2", TargetActions.Start, true, null, DateTimeOffset.UnixEpoch),
        ]);

        Assert.Equal(
        [
            "Test-Bot runs after it (its schedule becomes manual)",
            "Trigger: when it is done, start Deploy-Bot",
            "Trigger: when it finds something, send a Telegram message",
            "Trigger: when Deploy-Bot fails, start it",
        ], dialogs.FindAll(".dependents li").Select(li => li.TextContent));
        Assert.Contains("4 links depend on it:", dialogs.Markup);
        Assert.DoesNotContain(Api.Routes, r => r.StartsWith("DELETE", StringComparison.Ordinal));

        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete anyway").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("DELETE /api/bots/b1", Api.Routes));
    }

    [Fact]
    public void CancellingTheQuestionDeletesNothing()
    {
        var (dialogs, _) = Open([]);

        Assert.Equal(["Test-Bot runs after it (its schedule becomes manual)"], dialogs.FindAll(".dependents li").Select(li => li.TextContent));
        Assert.Contains("One link depends on it:", dialogs.Markup);
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")));
        Assert.DoesNotContain("DELETE /api/bots/b1", Api.Routes);
    }
}
