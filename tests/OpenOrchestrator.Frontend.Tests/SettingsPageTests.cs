using System.Net;
using System.Text.Json;
using OpenOrchestrator.Frontend.Pages;

namespace OpenOrchestrator.Frontend.Tests;

public sealed class SettingsPageTests : FrontendContext
{
    private static readonly SettingsView Settings = new(null, null, false, false, false) { MonthlyBudget = 20, ServerMonthlyCap = 50, SpentThisMonth = 3.5 };

    private IRenderedComponent<SettingsPage> RenderPage()
    {
        Api.On(HttpMethod.Get, "/api/settings", Settings);
        var page = Render<SettingsPage>();
        page.WaitForElement("#monthly-budget");
        return page;
    }

    private double? SentBudget() =>
        JsonDocument.Parse(Api.Bodies(HttpMethod.Put, "/api/settings").Last()!).RootElement.GetProperty("monthlyBudget") is { ValueKind: JsonValueKind.Number } budget
            ? budget.GetDouble() : null;

    [Fact]
    public void TheBudgetSectionShowsWhatWasSpentAndTheServersCap()
    {
        var page = RenderPage();

        Assert.Equal("Spent this month: $3.50 of $20", page.Find("#spent-this-month").TextContent);
        Assert.Contains("at most $50 a month", page.Find("#server-cap").TextContent);
        Assert.Equal("20", page.Find("#monthly-budget").GetAttribute("value"));
    }

    [Fact]
    public void EmptyingTheBudgetClearsItAndTheServersErrorAppearsAtTheField()
    {
        Api.On(HttpMethod.Put, "/api/settings", Settings with { MonthlyBudget = null });
        var page = RenderPage();

        page.Find("#monthly-budget").Change("");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal(0, SentBudget()));

        const string Message = "The monthly budget must be more than 0 and at most 1,000,000 USD.";
        Api.OnProblem(HttpMethod.Put, "/api/settings", HttpStatusCode.BadRequest, "One or more validation errors occurred.",
            errors: new Dictionary<string, string[]> { ["monthlyBudget"] = [Message] });
        page.Find("#monthly-budget").Change("-3");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains(Message, page.Find("#monthly-budget").Closest(".mud-input-control")!.TextContent));
        Assert.Equal(-3, SentBudget());
    }
}
