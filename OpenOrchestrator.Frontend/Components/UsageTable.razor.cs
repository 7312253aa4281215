using Microsoft.AspNetCore.Components;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>The usage report as a table: what the chart shows, readable by keyboard and screen reader, with the totals.</summary>
public sealed partial class UsageTable
{
    [Parameter, EditorRequired] public UsageReport Report { get; set; } = default!;

    [Parameter, EditorRequired] public string GroupBy { get; set; } = UsageGroupings.Day;

    [Parameter] public string Caption { get; set; } = "";

    private string KeyHeader => GroupBy switch
    {
        UsageGroupings.Bot => L["Bot"],
        UsageGroupings.Model => L["Model"],
        _ => L["Day"],

    };

    /// <summary>Days in calendar order; bots and models dearest first.</summary>
    private List<UsageGroup> Rows => GroupBy == UsageGroupings.Day
        ? [.. Report.Groups.OrderBy(g => g.Key, StringComparer.Ordinal)]
        : [.. Report.Groups.OrderByDescending(g => g.Cost).ThenBy(g => UsageChart.Label(g), StringComparer.OrdinalIgnoreCase)];
}
