using System.Net;
using System.Net.Http.Json;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Security;

/// <summary>A document route with a dot segment never reaches another route, encoded or not (issue 20, finding 6).</summary>
[Trait("Category", "Security")]
public sealed class DotSegmentTests(LoopbackServerFixture fixture) : IClassFixture<LoopbackServerFixture>
{
    public static TheoryData<string, string> DotSegments => new()
    {
        { "DELETE", "docs/.." },
        { "DELETE", "docs/%2e%2e" },
        { "DELETE", "docs/%2E%2E" },
        { "DELETE", "docs/.%2e" },
        { "DELETE", "docs/%252e%252e" },
        { "DELETE", "docs/notes/../.." },
        { "DELETE", "docs/." },
        { "DELETE", "docs/%2e" },
        { "GET", "docs/../../.." },
        { "PUT", "docs/.." },
        { "PUT", "docs/a/%2e%2e/%2e%2e" },
    };

    [Theory]
    [MemberData(nameof(DotSegments))]
    public async Task ADotSegmentIsABadRequestAndTheBotStays(string method, string tail)
    {
        var client = await fixture.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec());

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), AsSent(client, $"/api/bots/{bot.Id}/{tail}"))
        {
            Content = method == "PUT" ? JsonContent.Create(ApiClient.Spec("Renamed")) : null,
        });

        await Problems.AssertAsync(response, HttpStatusCode.BadRequest, "may not contain '.' or '..' segments");
        Assert.Equal("Scout", (await client.GetFromJsonAsync<BotView>($"/api/bots/{bot.Id}"))!.Name);
    }

    [Fact]
    public async Task DotsInsideNamesStillWork()
    {
        var client = await fixture.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec());

        using var put = await client.PutAsync(AsSent(client, $"/api/bots/{bot.Id}/docs/.notes/v1..2.md"), new StringContent("kept"));

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.Equal("kept", await client.GetStringAsync($"/api/bots/{bot.Id}/docs/.notes/v1..2.md"));
    }

    // HttpClient would remove the dot segments itself; the attack sends them.
    private static Uri AsSent(HttpClient client, string path) =>
        new(client.BaseAddress!.GetLeftPart(UriPartial.Authority) + path, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
}
