using OpenOrchestrator.Frontend.Resources;

namespace OpenOrchestrator.Frontend.Services;

/// <summary>A period of the usage page, both ends included, in UTC days like the budgets' calendar months.</summary>
public sealed record UsagePeriod(string Kind, DateOnly From, DateOnly To)
{
    public const string ThisMonth = "this-month";
    public const string LastMonth = "last-month";
    public const string Custom = "custom";

    /// <summary>The longest custom range: a year of bars is already more than a chart can label.</summary>
    public const int MaxDays = 366;

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static UsagePeriod Of(string kind, DateOnly today) => kind switch
    {
        LastMonth => new(LastMonth, FirstOfMonth(today).AddMonths(-1), FirstOfMonth(today).AddDays(-1)),
        _ => new(ThisMonth, FirstOfMonth(today), today),
    };

    /// <summary>The current month is the server's default period, so it is asked for without dates.</summary>
    public bool IsServerDefault => Kind == ThisMonth;

    public int DayCount => To.DayNumber - From.DayNumber + 1;

    public IEnumerable<DateOnly> Days => Enumerable.Range(0, Math.Max(0, DayCount)).Select(From.AddDays);

    /// <summary>Why a custom range cannot be asked for, or null when it can.</summary>
    public static string? Check(DateOnly from, DateOnly to) =>
        from > to ? Strings.Shared["FirstAfterLast"]
        : to.DayNumber - from.DayNumber + 1 > MaxDays ? Strings.Shared["AtMostDays", MaxDays].Value

        : null;

    private static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);
}
