using System.Net;
using System.Net.Http.Json;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Api;

/// <summary>The seed's eBay scout, on the real connector, the real browser tool and a real shop page.</summary>
[Collection(ApiCollection.Name)]
public sealed class ScoutFlowTests(ApiFixture fixture)
{
    [Fact]
    public async Task TheScoutReportsEachOfferOnceAndOnlyTheNewOneOnTheNextRun()
    {
        var client = await fixture.SignUpAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        fixture.Shop.Add(new Listing($"a{suffix}", "Nike Air Max 90 size 43", 35m));
        fixture.Shop.Add(new Listing($"b{suffix}", "Nike Air Max 97 size 42", 48m));
        var listings = new Uri(fixture.Shop.BaseUrl, "listings");
        fixture.Model.SetScript(r => Scripts.Scout(r, listings));
        var bot = await client.CreateBotAsync(ApiClient.Spec("eBay-Scout", "Find Nike Air Max under 50 €.", ToolNames.Browser));

        var first = await client.RunAsync(bot.Id);
        var seenBefore = (await client.ResultsAsync(bot.Id)).Count;
        fixture.Shop.Add(new Listing($"c{suffix}", "Nike Air Max 1 size 44", 29m));
        var second = await client.RunAsync(bot.Id);

        Assert.Equal(RunStatuses.Completed, first.Status);
        Assert.True(first.Counts.NewResults >= 2, $"first run: {first.Counts}");
        Assert.Equal(RunStatuses.Completed, second.Status);
        Assert.Equal(1, second.Counts.NewResults);
        Assert.Equal(seenBefore, second.Counts.SeenResults);
        var results = await client.ResultsAsync(bot.Id);
        Assert.Equal(seenBefore + 1, results.Count);
        var newest = results[0];
        Assert.Equal("Nike Air Max 1 size 44", newest.Title);
        Assert.Equal(fixture.Shop.ListingUrl(fixture.Shop.Listings.Single(l => l.Id == $"c{suffix}")), newest.Url);
        Assert.Equal("29 €", newest.Metadata!["price"]);
        Assert.Equal(second.Id, newest.RunId);
        Assert.Contains(await client.LogAsync(first.Id), l => l.Message.StartsWith("→ browser.fetch"));
    }

    [Fact]
    public async Task ResultsCanBeFilteredPinnedAndMarkedSeen()
    {
        var client = await fixture.SignUpAsync();
        fixture.Model.SetScript(r => r.Round() == 0
            ? ModelReply.ToolCalls(
                ModelToolCall.Create("results-report", new { title = "First", url = "https://shop.example/item/1" }),
                ModelToolCall.Create("results-report", new { title = "Second" }))
            : ModelReply.Text("Done."));
        var bot = await client.CreateBotAsync(ApiClient.Spec());
        await client.RunAsync(bot.Id);
        var first = (await client.ResultsAsync(bot.Id)).Single(r => r.Title == "First");

        var pinned = await client.PostAsync($"/api/results/{first.Id}/pin", null);
        Assert.Equal(HttpStatusCode.OK, pinned.StatusCode);
        Assert.Equal([first.Id], (await client.ResultsAsync(bot.Id, "pinned")).Select(r => r.Id));
        Assert.Equal(2, (await client.ResultsAsync(bot.Id, "new")).Count);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/bots/{bot.Id}/results/seen", null)).StatusCode);
        Assert.Empty(await client.ResultsAsync(bot.Id, "new"));
        Assert.All(await client.ResultsAsync(bot.Id), r => Assert.False(r.IsNew));
        Assert.Equal(0, (await client.GetFromJsonAsync<BotView>($"/api/bots/{bot.Id}"))!.Stats.NewResults);

        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/results/{first.Id}/pin")).StatusCode);
        Assert.Empty(await client.ResultsAsync(bot.Id, "pinned"));
    }
}
