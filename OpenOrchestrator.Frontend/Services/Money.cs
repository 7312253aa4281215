using System.Globalization;
using Microsoft.Extensions.Localization;
using OpenOrchestrator.Frontend.Resources;

namespace OpenOrchestrator.Frontend.Services;

/// <summary>
/// How the UI writes US dollars: cents from a dollar up, more digits for the tiny sums a single run costs. The
/// currency stays the dollar in every language; the digits and where the sign goes follow the culture ($1.25, 1,25 $).
/// </summary>
public static class Money
{
    private static IStringLocalizer T => Strings.Shared;

    /// <summary>"$4.20", "$1,234.56", "$0.0123"; a sum too small for four decimals is not shown as nothing.</summary>
    public static string Usd(double usd) => usd switch
    {
        0 => Dollars(0.0.ToString("0.00", CultureInfo.CurrentCulture)),
        < 0 => "-" + Usd(-usd),
        >= 1 => Dollars(usd.ToString("#,0.00", CultureInfo.CurrentCulture)),
        >= 0.00005 => Dollars(usd.ToString("0.00##", CultureInfo.CurrentCulture)),
        _ => T["LessThan", Dollars(0.0001.ToString("0.0000", CultureInfo.CurrentCulture))],
    };

    /// <summary>A limit or a price the user (or a price list) set: whole dollars stay whole ("$5", "$15"), the rest as <see cref="Usd"/>.</summary>
    public static string Amount(double usd) =>
        usd >= 0 && usd == Math.Floor(usd) ? Dollars(usd.ToString("#,0", CultureInfo.CurrentCulture)) : Usd(usd);

    /// <summary>A run's cost, or a dash when a model's price is unknown.</summary>
    public static string RunCost(double? usd) => usd is { } cost ? Usd(cost) : "—";

    /// <summary>"$3 / $15 per M tokens" (input / output), or "price unknown".</summary>
    public static string Price(ModelInfo model) =>
        model is { InputPrice: { } input, OutputPrice: { } output } ? T["PricePerMillion", Amount(input), Amount(output)] : T["PriceUnknown"];

    /// <summary>"$1.20 of $5" when there is a budget, else just what was spent.</summary>
    public static string Spent(double spent, double? budget) => budget is { } limit ? T["SpentOf", Usd(spent), Amount(limit)] : Usd(spent);

    /// <summary>A count (tokens, runs) with the culture's thousands separators.</summary>
    public static string Number(double value) => Math.Round(value).ToString("#,0", CultureInfo.CurrentCulture);

    private static string Dollars(string digits) => T["Dollars", digits];
}
