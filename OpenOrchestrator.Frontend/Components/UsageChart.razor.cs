using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>The usage page's chart: cost per day as bars, or each bot's (or model's) share of the cost as a donut.</summary>
public sealed partial class UsageChart
{
    /// <summary>More slices than this are summed into "Other": a donut of thirty slivers says nothing.</summary>
    private const int MaxSlices = 8;

    /// <summary>Labels like "27 Oct" that fit side by side under the bars at the chart's narrowest.</summary>
    private const int MaxDateLabels = 10;

    // MudChart steps its y-axis in whole units and a day often costs cents, so bars are drawn in
    // thousandths of a dollar; the tooltip's format divides by 1,000 again (the comma before the point).
    private const double Mills = 1000;
    private const string MillsAsDollars = "'$'#,0,.00##";

    private static readonly DonutChartOptions DonutOptions = new() { ShowLegend = true, ShowAsPercentage = true };

    [Parameter, EditorRequired] public UsageReport Report { get; set; } = default!;

    [Parameter, EditorRequired] public string GroupBy { get; set; } = UsageGroupings.Day;

    [Parameter, EditorRequired] public UsagePeriod Period { get; set; } = default!;

    private BarChartOptions BarOptions { get; set; } = new();
    private List<ChartSeries<double>> DaySeries { get; set; } = [];
    private string[] DayLabels { get; set; } = [];
    private string BarsStyle { get; set; } = "";
    private List<ChartSeries<double>> ShareSeries { get; set; } = [];
    private string[] ShareLabels { get; set; } = [];

    private string Description => GroupBy == UsageGroupings.Day
        ? L["ChartPerDay"]
        : GroupBy == UsageGroupings.Bot ? L["ChartPerBot"] : L["ChartPerModel"];

    protected override void OnParametersSet()
    {
        if (GroupBy == UsageGroupings.Day)
        {
            // Days without runs are not in the report, but belong on the axis.
            var cost = Report.Groups.GroupBy(g => g.Key).ToDictionary(g => g.Key, g => g.Sum(x => x.Cost));
            var days = Period.Days.ToList();
            var oneMonth = days.Count > 0 && days[0].Month == days[^1].Month && days[0].Year == days[^1].Year;
            // Every day of one month is named; "27 Oct" is wider, so a longer range names every few days (the table has each).
            var every = Math.Max(1, (int)Math.Ceiling(days.Count / (double)(oneMonth ? 31 : MaxDateLabels)));
            DayLabels = [.. days.Select((d, i) => i % every != 0 ? ""
                : oneMonth ? d.Day.ToString(CultureInfo.InvariantCulture) : L["DayMonth", d].Value)];
            // The chart is drawn at its real size, so on a phone a month of labels would overlap: it keeps room for
            // them (the y-axis and each label) and scrolls sideways inside its figure instead.
            var named = (days.Count + every - 1) / every;
            BarsStyle = string.Create(CultureInfo.InvariantCulture, $"min-width: {4 + (named * (oneMonth ? 1.6 : 3.2)):0.#}rem");
            var mills = days.Select(d => cost.GetValueOrDefault(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) * Mills).ToArray();
            DaySeries = [new() { Name = L["Cost"], Data = mills, TooltipYValueFormat = MillsAsDollars }];
            BarOptions = new() { ShowLegend = false, YAxisTicks = Step(mills.DefaultIfEmpty().Max()), YAxisToStringFunc = v => Money.Amount(v / Mills) };
        }
        else
        {
            var ranked = Report.Groups.Where(g => g.Cost > 0).OrderByDescending(g => g.Cost).ToList();
            var shown = ranked.Count > MaxSlices ? ranked[..(MaxSlices - 1)] : ranked;
            var rest = ranked.Skip(shown.Count).Sum(g => g.Cost);
            ShareLabels = [.. shown.Select(Label), .. rest > 0 ? [L["Other"].Value] : Array.Empty<string>()];
            ShareSeries = [new() { Name = L["Cost"], Data
 = shown.Select(g => g.Cost).Concat(rest > 0 ? [rest] : []).ToArray() }];
        }
    }

    /// <summary>A round step (1, 2 or 5 times a power of ten) that gives the tallest bar about five grid lines.</summary>
    private static int Step(double max)
    {
        if (max <= 0)
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max / 5)));
        var normalized = max / 5 / magnitude;
        var step = (normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 5 ? 5 : 10) * magnitude;
        return (int)Math.Clamp(step, 1, int.MaxValue);
    }

    internal static string Label(UsageGroup group) => string.IsNullOrWhiteSpace(group.Label) ? group.Key : group.Label;
}
