using System.Net;
using System.Net.Http.Json;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Api;

/// <summary>Another user's bot, run, result and document is a 404 over every route, and stays untouched.</summary>
[Collection(ApiCollection.Name)]
public sealed class OwnershipTests(ApiFixture fixture)
{
    public static TheoryData<string, string> Routes => new()
    {
        { "GET", "/api/bots/{bot}" },
        { "PUT", "/api/bots/{bot}" },
        { "DELETE", "/api/bots/{bot}" },
        { "POST", "/api/bots/{bot}/runs" },
        { "GET", "/api/bots/{bot}/runs" },
        { "GET", "/api/runs/{run}" },
        { "GET", "/api/runs/{run}/log" },
        { "POST", "/api/runs/{run}/cancel" },
        { "GET", "/api/bots/{bot}/results" },
        { "POST", "/api/bots/{bot}/results/seen" },
        { "POST", "/api/results/{result}/pin" },
        { "DELETE", "/api/results/{result}/pin" },
        { "GET", "/api/bots/{bot}/docs" },
        { "GET", "/api/bots/{bot}/docs/notes.md" },
        { "PUT", "/api/bots/{bot}/docs/notes.md" },
        { "DELETE", "/api/bots/{bot}/docs/notes.md" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task AnotherUsersThingsAreNotFoundAndUntouched(string method, string route)
    {
        var (owner, bot, run, result) = await OwnerWithEverythingAsync();
        var stranger = await fixture.SignUpAsync();

        var response = await stranger.SendAsync(Request(method, Fill(route, bot, run, result)));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var read = (await owner.GetFromJsonAsync<BotView>($"/api/bots/{bot}"))!;
        Assert.Equal("Scout", read.Name);
        Assert.Equal(1, read.Stats.Runs);
        Assert.Equal(1, read.Stats.NewResults);
        Assert.Single(await owner.ResultsAsync(bot), r => !r.Pinned);
        Assert.Equal("remember", await owner.GetStringAsync($"/api/bots/{bot}/docs/notes.md"));
        Assert.Empty((await stranger.GetFromJsonAsync<List<BotView>>("/api/bots"))!);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task EveryRouteNeedsASignedInUser(string method, string route)
    {
        var (_, bot, run, result) = await OwnerWithEverythingAsync();
        var anonymous = fixture.App.CreateClient();

        var response = await anonymous.SendAsync(Request(method, Fill(route, bot, run, result)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<(HttpClient Owner, string Bot, string Run, string Result)> OwnerWithEverythingAsync()
    {
        var owner = await fixture.SignUpAsync();
        fixture.Model.SetScript(r => r.Round() == 0 ? ModelReplyFor.Report("A find", "https://shop.example/item/9") : ModelReply.Text("Done."));
        var bot = await owner.CreateBotAsync(ApiClient.Spec(tools: ToolNames.Files));
        var run = await owner.RunAsync(bot.Id);
        (await owner.PutAsync($"/api/bots/{bot.Id}/docs/notes.md", new StringContent("remember"))).EnsureSuccessStatusCode();
        var result = (await owner.ResultsAsync(bot.Id)).Single();
        return (owner, bot.Id, run.Id, result.Id);
    }

    private static string Fill(string route, string bot, string run, string result) =>
        route.Replace("{bot}", bot).Replace("{run}", run).Replace("{result}", result);

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method == "PUT"
            ? path.Contains("/docs/") ? new StringContent("overwritten") : JsonContent.Create(ApiClient.Spec("Hijacked"))
            : null,
    };
}
