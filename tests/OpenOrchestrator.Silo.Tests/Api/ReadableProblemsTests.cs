using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Api;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Api;

/// <summary>Answers the framework makes from a bare status code still say, in a sentence, what went wrong.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReadableProblemsTests(ApiFixture fixture)
{
    [Fact]
    public async Task AMethodTheRouteDoesNotTakeIsAProblemWithASentenceNotJustMethodNotAllowed()
    {
        var client = await fixture.SignUpAsync();

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Patch, "/api/bots"));

        var detail = await DetailAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Equal("PATCH is not something this address does (/api/bots); reload the page, the app may have been updated.", detail);
    }

    [Fact]
    public async Task ABodyOverTheLimitIsAProblemThatNamesTheLimitAndCreatesNothing()
    {
        var client = await fixture.SignUpAsync();
        var body = $$"""{"name":"Big","prompt":"{{new string('p', (int)new ApiOptions().MaxBodyBytes)}}"}""";

        var response = await client.PostAsync("/api/bots", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal("What was sent is larger than the limit of 2 MB.", await DetailAsync(response, HttpStatusCode.RequestEntityTooLarge));
        Assert.Empty((await client.GetFromJsonAsync<List<BotView>>("/api/bots"))!);
    }

    [Fact]
    public async Task AnUnknownApiAddressIsANotFoundProblemWithASentence()
    {
        var client = await fixture.SignUpAsync();

        var response = await client.GetAsync("/api/no-such-thing");

        Assert.Equal("It does not exist (any more): it may have been deleted.", await DetailAsync(response, HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task ADocumentOverItsLimitSaysTheLimitInMegabytes()
    {
        var client = await fixture.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec());

        var response = await client.PutAsync($"/api/bots/{bot.Id}/docs/big.txt", new StringContent(new string('x', 1024 * 1024 + 1)));

        Assert.StartsWith("The file is larger than the limit of 1 MB", await DetailAsync(response, HttpStatusCode.RequestEntityTooLarge), StringComparison.Ordinal);
    }

    private static async Task<string?> DetailAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {status}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        Assert.Equal((int)status, json.RootElement.GetProperty("status").GetInt32());
        return json.RootElement.GetProperty("detail").GetString();
    }
}
