using System.Globalization;

namespace OpenOrchestrator.Frontend.Services;

/// <summary>What bots cost: the estimate for a bot before it is saved, and the usage report of a period.</summary>
public partial class ApiClient
{
    /// <summary>POST /api/bots/estimate; <paramref name="botId"/> names the bot being edited, so its past runs count.</summary>
    public Task<CostEstimate> EstimateAsync(BotSpec spec, string? botId = null, CancellationToken cancellationToken = default) =>
        SendAsync<CostEstimate>(HttpMethod.Post, botId is null ? "api/bots/estimate" : $"api/bots/estimate?botId={Esc(botId)}", spec, cancellationToken);

    /// <summary>GET /api/usage; without dates the server reports the current calendar month (UTC).</summary>
    public Task<UsageReport> GetUsageAsync(string groupBy, DateOnly? from = null, DateOnly? to = null, CancellationToken cancellationToken = default)
    {
        var period = from is { } start && to is { } end ? $"from={IsoDate(start)}&to={IsoDate(end)}&" : "";
        return GetAsync<UsageReport>($"api/usage?{period}groupBy={Esc(groupBy)}", cancellationToken);
    }

    private static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
