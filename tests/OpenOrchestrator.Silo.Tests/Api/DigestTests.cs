using System.Net;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class DigestTests(ApiFixture fixture)
{
    [Fact]
    public async Task TheResultsOfAPeriodBecomeANewsletterDraftInMarkdownAndSafeHtml()
    {
        var client = await fixture.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec("Research") with { Emoji = "📰" });
        fixture.Model.SetScript(r => r.Round() == 0
            ? ModelReply.ToolCalls(
                ModelToolCall.Create("results-report", new { title = "<script>alert(1)</script> *Orleans* 10", url = "javascript:alert(1)", content = "Grains <b>everywhere</b>." }),
                ModelToolCall.Create("results-report", new { title = "Semantic Kernel 1.82", url = "https://news.example/sk", price = "free" }))
            : ModelReply.Text("Done."));
        await client.RunAsync(bot.Id);

        var markdown = await client.GetAsync($"/api/bots/{bot.Id}/digest?since=2026-01-01T00:00:00Z");
        var html = await client.GetAsync($"/api/bots/{bot.Id}/digest?format=html&since=2026-01-01");
        var md = await markdown.Content.ReadAsStringAsync();
        var page = await html.Content.ReadAsStringAsync();

        Assert.Equal("text/markdown", markdown.Content.Headers.ContentType?.MediaType);
        Assert.Contains("2 results", md, StringComparison.Ordinal);
        Assert.Contains("## 2. [Semantic Kernel 1.82](<https://news.example/sk>)", md, StringComparison.Ordinal);
        Assert.Contains("**Price:** free", md, StringComparison.Ordinal);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<a href=\"https://news.example/sk\">Semantic Kernel 1.82</a>", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; *Orleans* 10", page, StringComparison.Ordinal);
        Assert.Contains("Grains &lt;b&gt;everywhere&lt;/b&gt;.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyPeriodSaysSoAndBadQueriesAreProblems()
    {
        var client = await fixture.SignUpAsync();
        var stranger = await fixture.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec("Quiet"));

        var empty = await client.GetStringAsync($"/api/bots/{bot.Id}/digest?since=2099-01-01T00:00:00Z&until=2099-01-08T00:00:00Z");

        Assert.Contains("Nothing new in this period.", empty, StringComparison.Ordinal);
        await Problems.AssertAsync(await client.GetAsync($"/api/bots/{bot.Id}/digest?format=pdf"), HttpStatusCode.BadRequest, "use md or html");
        await Problems.AssertAsync(await client.GetAsync($"/api/bots/{bot.Id}/digest?since=yesterday"), HttpStatusCode.BadRequest, "is not a time");
        await Problems.AssertAsync(await client.GetAsync($"/api/bots/{bot.Id}/digest?since=2026-02-01&until=2026-01-01"), HttpStatusCode.BadRequest, "before until");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/bots/{bot.Id}/digest")).StatusCode);
    }
}
