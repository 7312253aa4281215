using System.Text;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace OpenOrchestrator.Silo.Tests.Security;

/// <summary>A request the server cannot read is the sender's fault: a 4xx problem, on every route, signed in or not.</summary>
[Trait("Category", "Security")]
public sealed class MalformedRequestTests(LoopbackServerFixture fixture) : IClassFixture<LoopbackServerFixture>
{
    [Fact]
    public async Task AnUnknownCharsetIsRefusedOnEveryRouteThatReadsJson()
    {
        var signedIn = await fixture.SignUpAsync();
        var anonymous = fixture.App.CreateClient();
        var routes = JsonRoutes();

        var answers = new List<string>();
        foreach (var (method, path) in routes)
        {
            foreach (var client in new[] { anonymous, signedIn })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path)
                {
                    Content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"email":"a@example.com","password":"x"}""")),
                };
                request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=bogus");
                using var response = await client.SendAsync(request);
                answers.Add($"{(int)response.StatusCode} {method} {path}");
            }
        }

        Assert.True(routes.Count > 10, $"only {routes.Count} routes read JSON");
        Assert.All(answers, a => Assert.StartsWith("4", a, StringComparison.Ordinal));
        Assert.Contains(answers, a => a.StartsWith("415 POST /api/auth/login", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FiveThousandGeneratedMalformedRequestsGetNoServerErrorAndTheServerStaysUp()
    {
        var signedIn = await fixture.SignUpAsync();
        var anonymous = fixture.App.CreateClient();
        var routes = AllRoutes();
        var random = new Random(20261206);

        var serverErrors = new List<string>();
        for (var i = 0; i < 5_000; i++)
        {
            var (method, path) = routes[random.Next(routes.Count)];
            using var request = MalformedRequests.Create(random, method, path);
            var described = $"{request.Method} {request.RequestUri} {request.Content?.Headers.ContentType}";
            using var response = await (random.Next(3) == 0 ? anonymous : signedIn).SendAsync(request);
            if ((int)response.StatusCode >= 500)
            {
                serverErrors.Add($"{(int)response.StatusCode} {described}: {await response.Content.ReadAsStringAsync()}");
            }
        }

        Assert.Empty(serverErrors);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
    }

    /// <summary>Every route whose handler reads a JSON body, with its parameters filled in.</summary>
    private List<(string Method, string Path)> JsonRoutes() =>
    [
        .. fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("application/json") == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (m, Fill(e.RoutePattern.RawText!)))),
    ];

    private List<(string Method, string Path)> AllRoutes() =>
    [
        .. fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("api", StringComparison.Ordinal) && !e.RoutePattern.RawText.EndsWith("/logout", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e.RoutePattern.RawText!))),
    ];

    private static string Fill(string pattern) =>
        "/" + string.Join('/', pattern.Trim('/').Split('/').Select(s => s.StartsWith('{') ? "x" : s));
}
