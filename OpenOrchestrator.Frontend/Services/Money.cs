using System.Globalization;

namespace OpenOrchestrator.Frontend.Services;

/// <summary>How the UI writes US dollars: cents from a dollar up, more digits for the tiny sums a single run costs.</summary>
public static class Money
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>"$4.20", "$1,234.56", "$0.0123"; a sum too small for four decimals is not shown as nothing.</summary>
    public static string Usd(double usd) => usd switch
    {
        0 => "$0.00",
        < 0 => "-" + Usd(-usd),
        >= 1 => "$" + usd.ToString("#,0.00", Invariant),
        >= 0.00005 => "$" + usd.ToString("0.00##", Invariant),
        _ => "< $0.0001",
    };

    /// <summary>A limit or a price the user (or a price list) set: whole dollars stay whole ("$5", "$15"), the rest as <see cref="Usd"/>.</summary>
    public static string Amount(double usd) =>
        usd >= 0 && usd == Math.Floor(usd) ? "$" + usd.ToString("#,0", Invariant) : Usd(usd);

    /// <summary>A run's cost, or a dash when a model's price is unknown.</summary>
    public static string RunCost(double? usd) => usd is { } cost ? Usd(cost) : "—";

    /// <summary>"$3 / $15 per M tokens" (input / output), or "price unknown".</summary>
    public static string Price(ModelInfo model) =>
        model is { InputPrice: { } input, OutputPrice: { } output } ? $"{Amount(input)} / {Amount(output)} per M tokens" : "price unknown";

    /// <summary>"$1.20 of $5" when there is a budget, else just what was spent.</summary>
    public static string Spent(double spent, double? budget) => budget is { } limit ? $"{Usd(spent)} of {Amount(limit)}" : Usd(spent);

    /// <summary>A count (tokens, runs) with thousands separators.</summary>
    public static string Number(double value) => Math.Round(value).ToString("#,0", Invariant);
}
