using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>The usage page's chart: cost per day as bars, or each bot's (or model's) share of the cost as a donut.</summary>
public sealed partial class UsageChart
{
    /// <summary>More slices than this are summed into "Other": a donut of thirty slivers says nothing.</summary>
    private const int MaxSlices = 8;

    private static readonly BarChartOptions BarOptions = new() { ShowLegend = false, YAxisToStringFunc = Money.Usd };
    private static readonly DonutChartOptions DonutOptions = new() { ShowLegend = true };

    [Parameter, EditorRequired] public UsageReport Report { get; set; } = default!;

    [Parameter, EditorRequired] public string GroupBy { get; set; } = UsageGroupings.Day;

    [Parameter, EditorRequired] public UsagePeriod Period { get; set; } = default!;

    private List<ChartSeries<double>> DaySeries { get; set; } = [];
    private string[] DayLabels { get; set; } = [];
    private List<ChartSeries<double>> ShareSeries { get; set; } = [];
    private string[] ShareLabels { get; set; } = [];

    private string Description => GroupBy == UsageGroupings.Day
        ? "Bar chart of the cost per day; the table below lists the same figures."
        : $"Donut chart of each {(GroupBy == UsageGroupings.Bot ? "bot" : "model")}'s share of the cost; the table below lists the same figures.";

    protected override void OnParametersSet()
    {
        if (GroupBy == UsageGroupings.Day)
        {
            // Days without runs are not in the report, but belong on the axis.
            var cost = Report.Groups.GroupBy(g => g.Key).ToDictionary(g => g.Key, g => g.Sum(x => x.Cost));
            var days = Period.Days.ToList();
            var oneMonth = days.Count > 0 && days[0].Month == days[^1].Month && days[0].Year == days[^1].Year;
            DayLabels = [.. days.Select(d => oneMonth ? d.Day.ToString(CultureInfo.InvariantCulture) : d.ToString("d MMM", CultureInfo.InvariantCulture))];
            DaySeries = [new() { Name = "Cost", Data = days.Select(d => cost.GetValueOrDefault(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).ToArray() }];
        }
        else
        {
            var ranked = Report.Groups.Where(g => g.Cost > 0).OrderByDescending(g => g.Cost).ToList();
            var shown = ranked.Count > MaxSlices ? ranked[..(MaxSlices - 1)] : ranked;
            var rest = ranked.Skip(shown.Count).Sum(g => g.Cost);
            ShareLabels = [.. shown.Select(Label), .. rest > 0 ? ["Other"] : Array.Empty<string>()];
            ShareSeries = [new() { Name = "Cost", Data = shown.Select(g => g.Cost).Concat(rest > 0 ? [rest] : []).ToArray() }];
        }
    }

    internal static string Label(UsageGroup group) => string.IsNullOrWhiteSpace(group.Label) ? group.Key : group.Label;
}
