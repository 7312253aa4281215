using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OpenOrchestrator.Silo.Tools;

using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace OpenOrchestrator.Silo.Tests.Tools;

[Trait("Category", "Browser")]
public sealed class BrowserSessionTests
{
    [Fact]
    public async Task TheBotsProfileKeepsACookieFromOneRunToTheNextUntilTheBotIsDeleted()
    {
        await using var server = await LocalServer.StartAsync(app =>
        {
            app.MapGet("/login", (HttpContext context) =>
            {
                context.Response.Cookies.Append("session", "s3cret", new CookieOptions { MaxAge = TimeSpan.FromDays(1) });
                return HttpResults.Content("<html><body>Signed in</body></html>", "text/html");
            });
            app.MapGet("/me", (HttpContext context) => HttpResults.Content(
                $"<html><body>Session: {context.Request.Cookies["session"] ?? "none"}</body></html>", "text/html"));
        });
        await using var browser = RenderedBrowser.For(server);

        var fresh = await browser.StartRun().OpenAsync(server.Url("/me"), CancellationToken.None);
        await browser.StartRun().OpenAsync(server.Url("/login"), CancellationToken.None);
        await browser.EndRunsAsync();
        var later = await browser.StartRun().OpenAsync(server.Url("/me"), CancellationToken.None);

        Assert.Contains("Session: none", fresh, StringComparison.Ordinal);
        Assert.Contains("Session: s3cret", later, StringComparison.Ordinal);
        var profile = browser.Sessions.ProfileOf(RenderedBrowser.BotId);
        Assert.True(File.Exists(profile));
        Assert.Equal(["state.json"], Directory.GetFiles(Path.GetDirectoryName(profile)!).Select(Path.GetFileName));
        browser.Sessions.DeleteProfile(RenderedBrowser.BotId);
        Assert.False(File.Exists(profile));
    }

    [Theory]
    [InlineData(StatusCodes.Status403Forbidden)]
    [InlineData(StatusCodes.Status429TooManyRequests)]
    public async Task ForbiddenAndTooManyRequestsAreReportedAsBlocked(int status)
    {
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/", () =>
            HttpResults.Content("<html><body>Go away</body></html>", "text/html", statusCode: status)));
        await using var browser = RenderedBrowser.For(server);

        var result = await browser.StartRun().OpenAsync(server.Url("/"), CancellationToken.None);

        Assert.StartsWith($"Blocked: {server.Url("/")} turned the browser away (HTTP {status})", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABotChallengePageIsReportedAsBlocked()
    {
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/", () => HttpResults.Content(
            "<html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>", "text/html")));
        await using var browser = RenderedBrowser.For(server);

        var result = await browser.StartRun().OpenAsync(server.Url("/"), CancellationToken.None);

        Assert.StartsWith("Blocked: ", result, StringComparison.Ordinal);
        Assert.Contains("bot challenge", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWellKnownCookieBannerIsAcceptedBeforeThePageIsRead()
    {
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/", () => HttpResults.Content("""
            <html><body><h1>News</h1>
            <div id="onetrust-banner-sdk">We use cookies <button id="onetrust-accept-btn-handler"
              onclick="document.getElementById('onetrust-banner-sdk').remove()">Accept all</button></div>
            </body></html>
            """, "text/html")));
        await using var browser = RenderedBrowser.For(server);

        var result = await browser.StartRun().OpenAsync(server.Url("/"), CancellationToken.None);

        Assert.Contains("News", result, StringComparison.Ordinal);
        Assert.DoesNotContain("We use cookies", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenEveryPageOfTheServerIsInUseOpenSaysSoInsteadOfWaitingForever()
    {
        await using var server = await LocalServer.StartAsync(app =>
            app.MapGet("/", () => HttpResults.Content("<html><body>Hello</body></html>", "text/html")));
        await using var browser = RenderedBrowser.For(server, new BrowserOptions { SecondsPerDomain = 0, MaxPages = 1 });

        var first = await browser.StartRun().OpenAsync(server.Url("/"), CancellationToken.None);
        var second = await browser.StartRun().OpenAsync(server.Url("/"), CancellationToken.None);
        await browser.EndRunsAsync();
        var afterwards = await browser.StartRun().OpenAsync(server.Url("/"), CancellationToken.None);

        Assert.Contains("Hello", first, StringComparison.Ordinal);
        Assert.Equal("Error: all 1 browser pages of this server are in use; try again in a minute.", second);
        Assert.Contains("Hello", afterwards, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClickThatLoadsAnotherPageWaitsForItsDomainsTurnAsOpenDoes()
    {
        var nextRequested = false;
        await using var server = await LocalServer.StartAsync(app =>
        {
            app.MapGet("/", () => HttpResults.Content("<html><body><a href='/next'>Next page</a></body></html>", "text/html"));
            app.MapGet("/next", () =>
            {
                nextRequested = true;
                return HttpResults.Content("<html><body><p>The second page</p></body></html>", "text/html");
            });
        });
        var time = new WatchedTime();
        await using var browser = RenderedBrowser.For(server, new BrowserOptions { SecondsPerDomain = 3 }, time);
        var run = browser.StartRun();
        var first = await run.OpenAsync(server.Url("/"), CancellationToken.None);

        var click = run.ClickAsync(BrowserOpenTests.Ref(first, "link \"Next page\""), CancellationToken.None);
        await time.Waiting.WaitAsync(TimeSpan.FromSeconds(30));
        var requestedWhileWaiting = nextRequested;
        time.Advance(TimeSpan.FromSeconds(3));
        var second = await click;

        Assert.False(requestedWhileWaiting);
        Assert.Contains("The second page", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClickThatStaysOnThePageDoesNotWait()
    {
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/", () => HttpResults.Content("""
            <html><body><a href='#more'>More below</a><button type='button' onclick="this.textContent = 'Opened'">Open</button>
            <p id='more'>More</p></body></html>
            """, "text/html")));
        var time = new WatchedTime();
        await using var browser = RenderedBrowser.For(server, new BrowserOptions { SecondsPerDomain = 3 }, time);
        var run = browser.StartRun();
        var first = await run.OpenAsync(server.Url("/"), CancellationToken.None);

        // The clock never moves: a click that waited for a turn would never end.
        var anchor = await run.ClickAsync(BrowserOpenTests.Ref(first, "link \"More below\""), CancellationToken.None)
            .WaitAsync(TimeSpan.FromMinutes(1));
        var button = await run.ClickAsync(BrowserOpenTests.Ref(anchor, "button \"Open\""), CancellationToken.None)
            .WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Contains("button \"Opened\"", button, StringComparison.Ordinal);
        Assert.False(time.Waiting.IsCompleted);
    }

    [Fact]
    public async Task ARunWhosePageCouldNotBeMadeDoesNotKeepTheServersPage()
    {
        await using var server = await LocalServer.StartAsync(app =>
            app.MapGet("/", () => HttpResults.Content("<html><body>Hello</body></html>", "text/html")));
        await using var browser = RenderedBrowser.For(server, new BrowserOptions { SecondsPerDomain = 0, MaxPages = 1 });
        var profile = browser.Sessions.ProfileOf(RenderedBrowser.BotId);
        Directory.CreateDirectory(Path.GetDirectoryName(profile)!);
        // A profile cut off mid-write: Playwright cannot load it, so no page is made.
        await File.WriteAllTextAsync(profile, "{\"cookies\": [");

        await Assert.ThrowsAnyAsync<JsonException>(() => browser.StartRun().OpenAsync(server.Url("/"), CancellationToken.None));
        File.Delete(profile);
        var afterwards = await browser.StartRun().OpenAsync(server.Url("/"), CancellationToken.None);

        Assert.Contains("Hello", afterwards, StringComparison.Ordinal);
    }
}
