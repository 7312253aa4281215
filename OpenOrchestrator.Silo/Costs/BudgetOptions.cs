using System.ComponentModel.DataAnnotations;

namespace OpenOrchestrator.Silo.Costs;

/// <summary>The server's side of budgets: a cap per user and month that no user's setting can lift.</summary>
public sealed class BudgetOptions
{
    public const string SectionName = "Budgets";

    /// <summary>USD per user and calendar month (UTC); null for no cap.</summary>
    [Range(0.000001, 1_000_000)]
    public double? UserMonthly { get; set; }
}
