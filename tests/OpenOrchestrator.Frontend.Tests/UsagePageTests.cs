using System.Globalization;
using OpenOrchestrator.Frontend.Pages;

namespace OpenOrchestrator.Frontend.Tests;

public sealed class UsagePageTests : FrontendContext
{
    private static readonly DateOnly FirstOfMonth = new(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1);

    private static readonly UsageReport ByDay = new(new UsageFigures(12.3456, 123_456, 42),
    [
        new(Iso(FirstOfMonth.AddDays(1)), "2 this month", 11.1456, 122_456, 39),
        new(Iso(FirstOfMonth), "1 this month", 1.2, 1_000, 3),
    ]);

    private static readonly UsageReport ByBot = new(new UsageFigures(12.3456, 123_456, 42),
    [
        new("b2", "🧪 Test-Bot", 2.3456, 23_456, 40),
        new("b1", "🛒 eBay-Scout", 10, 100_000, 2),
    ]);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string[][] Rows(IRenderedComponent<UsagePage> page) =>
        [.. page.FindAll(".usage-table tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray())];

    private static void Press(IRenderedComponent<UsagePage> page, string group, string button) =>
        page.Find($"[role=group][aria-label='{group}']").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == button).Click();

    [Fact]
    public void ThisMonthByDayShowsTheTotalsTheChartAndATableOfTheSameFigures()
    {
        Api.On(HttpMethod.Get, "/api/usage?groupBy=day", ByDay);

        var page = Render<UsagePage>();

        page.WaitForAssertion(() => Assert.Equal(2, Rows(page).Length));
        Assert.Equal(["$12.35", "123,456", "42"], page.FindAll(".totals .value").Select(v => v.TextContent));
        Assert.Equal([["1 this month", "$1.20", "1,000", "3"], ["2 this month", "$11.15", "122,456", "39"]], Rows(page));
        Assert.Equal(["Total", "$12.35", "123,456", "42"], page.FindAll(".usage-table tfoot tr > *").Select(c => c.TextContent.Trim()));
        Assert.Equal("Day", page.Find(".usage-table thead th").TextContent);
        Assert.NotNull(page.Find("figure.usage-chart[role=img] svg"));
        Assert.Equal("true", page.Find("[aria-label='Period'] button[aria-pressed=true]").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void GroupingByBotListsTheDearestBotFirstAndLastMonthAsksForItsDays()
    {
        Api.On(HttpMethod.Get, "/api/usage?groupBy=day", ByDay).On(HttpMethod.Get, "/api/usage?groupBy=bot", ByBot);
        var lastMonth = FirstOfMonth.AddMonths(-1);
        var lastMonthRoute = $"/api/usage?from={Iso(lastMonth)}&to={Iso(FirstOfMonth.AddDays(-1))}&groupBy=bot";
        Api.On(HttpMethod.Get, lastMonthRoute, new UsageReport(new UsageFigures(0, 0, 0), []));
        var page = Render<UsagePage>();
        page.WaitForAssertion(() => Assert.Equal(2, Rows(page).Length));

        Press(page, "Group by", "By bot");

        page.WaitForAssertion(() => Assert.Equal("🛒 eBay-Scout", Rows(page)[0][0]));
        Assert.Equal(["🧪 Test-Bot", "$2.35", "23,456", "40"], Rows(page)[1]);
        Assert.Equal("Bot", page.Find(".usage-table thead th").TextContent);

        Press(page, "Period", "Last month");

        page.WaitForAssertion(() => Assert.Contains("No runs in this period.", page.Find(".usage-table tbody").TextContent));
        Assert.Contains("Nothing cost anything in this period.", page.Markup);
        Assert.Equal(["GET /api/usage?groupBy=day", "GET /api/usage?groupBy=bot", $"GET {lastMonthRoute}"], Api.Routes);
    }
}
