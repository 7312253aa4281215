using System.Globalization;

namespace OpenOrchestrator.Silo.Costs;

/// <summary>USD as a person reads it: cents from a dollar up, more digits for the small sums one model call costs.</summary>
public static class Money
{
    /// <summary>The largest monthly budget a user or a bot may set, in USD.</summary>
    public const double MaxMonthlyBudget = 1_000_000;

    public static string Format(double usd) => usd switch
    {
        0 => "$0",
        >= 1 => "$" + usd.ToString("#,0.00", CultureInfo.InvariantCulture),
        >= 0.01 => "$" + usd.ToString("0.0000", CultureInfo.InvariantCulture),
        _ => "$" + usd.ToString("0.000000", CultureInfo.InvariantCulture),
    };

    /// <summary>An amount a person set (a budget): as they wrote it, "$5", "$0.05", "$12.50"; finer ones as <see cref="Format"/>.</summary>
    public static string Amount(double usd) =>
        Math.Round(usd, 2) != usd ? Format(usd)
        : usd == Math.Floor(usd) ? "$" + usd.ToString("#,0", CultureInfo.InvariantCulture)
        : "$" + usd.ToString("#,0.00", CultureInfo.InvariantCulture);

    /// <summary>The first instant of the calendar month (UTC) that holds <paramref name="at"/>: budgets and "this month" count from it.</summary>
    public static DateTime MonthStart(DateTime at) => new(at.Year, at.Month, 1, 0, 0, 0, DateTimeKind.Utc);
}
