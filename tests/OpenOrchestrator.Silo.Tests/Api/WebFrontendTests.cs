using System.Net;
using OpenOrchestrator.Silo.Tests.Infrastructure;

namespace OpenOrchestrator.Silo.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class WebFrontendTests(ApiFixture fixture)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/bots/0123456789abcdef0123456789abcdef")]
    [InlineData("/settings")]
    public async Task EveryPageOfTheAppIsServedItsShell(string path)
    {
        var response = await fixture.App.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("_framework/blazor.webassembly.js", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/nope")]
    [InlineData("/hubs/nope")]
    public async Task AnUnknownApiRouteIsNotAPage(string path)
    {
        var response = await fixture.App.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
