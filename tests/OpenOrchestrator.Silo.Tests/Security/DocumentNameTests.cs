using System.Net;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Security;

/// <summary>A document name the file system cannot hold is the client's mistake, said without a server path (issue 20, finding 4).</summary>
[Collection(ApiCollection.Name)]
[Trait("Category", "Security")]
public sealed class DocumentNameTests(ApiFixture fixture)
{
    [Theory]
    [InlineData("PUT")]
    [InlineData("GET")]
    [InlineData("DELETE")]
    public async Task ANameTooLongForTheFileSystemIsABadRequestThatShowsNoServerPath(string method)
    {
        var client = await fixture.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec());

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/api/bots/{bot.Id}/docs/{new string('é', 200)}")
        {
            Content = method == "PUT" ? new StringContent("x") : null,
        });

        await Problems.AssertAsync(response, HttpStatusCode.BadRequest, "a name is longer than 255 bytes");
        Assert.DoesNotContain(fixture.App.DataPath, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
