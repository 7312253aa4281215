using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Costs;

/// <summary>What settings show of a user's money: the server's cap and what their stored runs cost this month.</summary>
public sealed class UserSpending(IDbContextFactory<OrchestratorDbContext> dbFactory, IOptions<BudgetOptions> options, TimeProvider time)
{
    public double? ServerCap => options.Value.UserMonthly;

    public async Task<double> ThisMonthAsync(string ownerId, CancellationToken cancellationToken = default)
    {
        var month = Money.MonthStart(time.GetUtcNow().UtcDateTime);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return Math.Round((await StoredSpending.ByBotAsync(db, ownerId, month, [], cancellationToken)).Values.Sum(), 6);
    }
}
