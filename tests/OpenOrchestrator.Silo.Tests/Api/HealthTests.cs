using System.Net;
using OpenOrchestrator.Silo.Tests.Infrastructure;

namespace OpenOrchestrator.Silo.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class HealthTests(ApiFixture fixture)
{
    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task HealthEndpointsAnswerWithoutSignIn(string path)
    {
        var response = await fixture.App.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
