using OpenOrchestrator.Contracts;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.EndToEnd.Tests;

/// <summary>The seed's eBay scout over the public API: 2 offers, then exactly 1 new one.</summary>
public static class ScoutFlow
{
    public static async Task RunAsync(HttpClient client, SiloEnvironment env)
    {
        await client.SignUpAsync($"{Guid.NewGuid():N}@example.com");
        env.Shop.Add(new Listing("e1", "Nike Air Max 90 size 43", 35m));
        env.Shop.Add(new Listing("e2", "Nike Air Max 97 size 42", 48m));
        env.Model.SetScript(r => Scripts.Scout(r, env.Shop.ListingsUrl));
        var bot = await client.CreateBotAsync(ApiClient.Spec("eBay-Scout", "Find Nike Air Max under 50 €.", ToolNames.Browser));

        var first = await client.RunAsync(bot.Id);
        env.Shop.Add(new Listing("e3", "Nike Air Max 1 size 44", 29m));
        var second = await client.RunAsync(bot.Id);

        Assert.Equal(RunStatuses.Completed, first.Status);
        Assert.Equal(new RunCounts(2, 0), first.Counts);
        Assert.Equal(RunStatuses.Completed, second.Status);
        Assert.Equal(new RunCounts(1, 2), second.Counts);
        var results = await client.ResultsAsync(bot.Id);
        Assert.Equal(["Nike Air Max 1 size 44", "Nike Air Max 90 size 43", "Nike Air Max 97 size 42"], results.Select(r => r.Title).Order(StringComparer.Ordinal));
        Assert.Equal(3, (await client.ResultsAsync(bot.Id, ResultFilters.New)).Count);
    }
}
