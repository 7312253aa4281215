using System.Net;
using System.Net.Http.Json;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Security;

[Collection(ApiCollection.Name)]
[Trait("Category", "Security")]
public sealed class SecurityHeadersTests(ApiFixture fixture)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/bots/some-bot")]
    [InlineData("/api/bots")]
    public async Task EveryAnswerForbidsFramingSniffingReferrersAndForeignScript(string path)
    {
        using var response = await fixture.App.CreateClient().GetAsync(path);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self' 'wasm-unsafe-eval';", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDigestMayBeFramedByOurOwnPagesOnlyAndRunsNoScript()
    {
        var client = await fixture.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec());

        using var response = await client.GetAsync($"/api/bots/{bot.Id}/digest?format=html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("SAMEORIGIN", response.Headers.GetValues("X-Frame-Options").Single());
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.StartsWith("default-src 'none';", policy, StringComparison.Ordinal);
        Assert.EndsWith("frame-ancestors 'self'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePageRunsNoInlineScriptThePolicyWouldBlock()
    {
        var page = await fixture.App.CreateClient().GetStringAsync("/");

        Assert.DoesNotMatch("<script>", page);
        Assert.Contains("<script src=\"js/clock.js\"></script>", page, StringComparison.Ordinal);
        Assert.Contains("ooUtcOffsetMinutes", await fixture.App.CreateClient().GetStringAsync("/js/clock.js"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BehindAnHttpsProxyTheSignInCookieIsSecure()
    {
        await using var model = await ScriptedModelServer.StartAsync(_ => ModelReply.Text("ok"));
        await using var app = new OrchestratorApp(OrchestratorApp.SettingsFor(model, ("ForwardedHeaders_Enabled", "true")));
        await app.SignUpAsync("proxy@example.com");
        var browser = app.CreateClient();
        browser.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var login = await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = "proxy@example.com", password = ApiClient.Password });

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
