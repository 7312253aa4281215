using System.Net.Http.Json;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Api;

/// <summary>A run's activity entry names what it found, as the founder's mock-up shows it: live and when read back.</summary>
[Collection(ApiCollection.Name)]
public sealed class ActivityFoundTests(ApiFixture fixture)
{
    [Fact]
    public async Task ARunsActivityCarriesTheFirstFoundTitleItsLinkAndTheCount()
    {
        var client = await fixture.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec("eBay-Scout"));
        await using var live = await LiveListener.ConnectAsync(fixture.App, client);
        fixture.Model.SetScript(r => r.Round() == 0
            ? ModelReply.ToolCalls(
                ModelToolCall.Create("results-report", new { title = "Nike Air Max 90 — 35€", url = "https://shop.example/nike" }),
                ModelToolCall.Create("results-report", new { title = "Adidas Samba — 40€", url = "https://shop.example/samba" }))
            : ModelReply.Text("Done."));

        var run = await client.RunAsync(bot.Id);

        var heard = await live.WaitForAsync<ActivityView>(LiveHub.ActivityAdded, a => a.RunId == run.Id);
        var read = (await client.GetFromJsonAsync<ActivityPage>("/api/activity"))!.Items.Single(a => a.RunId == run.Id);
        foreach (var entry in new[] { heard, read })
        {
            Assert.Equal("2 new results: Done.", entry.Message);
            Assert.Equal(("Nike Air Max 90 — 35€", "https://shop.example/nike", 2), (entry.ResultTitle, entry.ResultUrl, entry.Results));
        }
    }

    [Fact]
    public async Task ARunThatFoundNothingNamesNoTitle()
    {
        var client = await fixture.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec("Quiet"));
        fixture.Model.SetScript(_ => ModelReply.Text("Nothing new."));

        var run = await client.RunAsync(bot.Id);

        var read = (await client.GetFromJsonAsync<ActivityPage>("/api/activity"))!.Items.Single(a => a.RunId == run.Id);
        Assert.Equal("no new results: Nothing new.", read.Message);
        Assert.Null(read.ResultTitle);
        Assert.Equal(0, read.Results);
    }
}
