using System.Net.Http.Json;
using System.Text.Json;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Api;

/// <summary>The rendered-page functions as a model reaches them in a real run.</summary>
[Collection(ApiCollection.Name)]
[Trait("Category", "Browser")]
public sealed class BrowserInRunsTests(ApiFixture fixture)
{
    [Fact]
    public async Task ARunOpensAPageAndSavesItsScreenshotInTheBotsDocuments()
    {
        var client = await fixture.SignUpAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        fixture.Shop.Add(new Listing($"r{suffix}", $"Rendered bike {suffix}", 99m));
        var opened = "";
        fixture.Model.SetScript(r =>
        {
            if (r.Round() == 1)
            {
                opened = r.ToolResults.Single().Content;
            }

            return r.Round() switch
            {
                0 => ModelReply.ToolCalls(ModelToolCall.Create("browser-open", new { url = fixture.Shop.ListingsUrl.ToString() })),
                1 => ModelReply.ToolCalls(ModelToolCall.Create("browser-screenshot", new { })),
                _ => ModelReply.Text(r.ToolResults[^1].Content),
            };
        });
        var bot = await client.CreateBotAsync(ApiClient.Spec(tools: ToolNames.Browser));

        var run = await client.RunAsync(bot.Id);

        Assert.True(run.Status == RunStatuses.Completed, run.Error);
        Assert.Contains($"Rendered bike {suffix}", opened, StringComparison.Ordinal);
        Assert.StartsWith("Saved screenshots/", run.Output, StringComparison.Ordinal);
        var documents = await client.GetFromJsonAsync<JsonElement>($"/api/bots/{bot.Id}/docs/");
        Assert.Contains("screenshots/", documents.GetRawText(), StringComparison.Ordinal);

        // The bot page shows it: the API serves the picture as it was saved.
        var saved = run.Output!["Saved ".Length..].Split(' ')[0].TrimEnd('.');
        using var picture = await client.GetAsync($"/api/bots/{bot.Id}/docs/{saved}");
        Assert.Equal("image/png", picture.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await picture.Content.ReadAsByteArrayAsync())[..4]);
    }

    [Fact]
    public async Task ABlockedPageIsReportedAsBlockedOnceInTheRunsLog()
    {
        var client = await fixture.SignUpAsync();
        var challenge = new Listing($"b{Guid.NewGuid().ToString("N")[..6]}", "Just a moment...", 1m);
        fixture.Shop.Add(challenge);
        var url = fixture.Shop.ListingUrl(challenge);
        var opened = "";
        fixture.Model.SetScript(r =>
        {
            if (r.Round() == 1)
            {
                opened = r.ToolResults.Single().Content;
            }

            return r.Round() == 0
                ? ModelReply.ToolCalls(ModelToolCall.Create("browser-open", new { url }))
                : ModelReply.Text("The shop turned the browser away.");
        });
        var bot = await client.CreateBotAsync(ApiClient.Spec(tools: ToolNames.Browser));

        var run = await client.RunAsync(bot.Id);

        Assert.True(run.Status == RunStatuses.Completed, run.Error);
        Assert.StartsWith($"Blocked: {url} turned the browser away (a bot challenge", opened, StringComparison.Ordinal);
        var blocked = Assert.Single(await client.LogAsync(run.Id), l => l.Message.Contains("Blocked: ", StringComparison.Ordinal));
        Assert.Equal(LogKinds.Tool, blocked.Kind);
        Assert.StartsWith($"← browser.open: Blocked: {url} turned the browser away", blocked.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARunCannotOpenALoopbackPageThatIsNotAllowed()
    {
        var client = await fixture.SignUpAsync();
        fixture.Model.SetScript(r => r.Round() == 0
            ? ModelReply.ToolCalls(ModelToolCall.Create("browser-open", new { url = "http://127.0.0.1:6/admin" }))
            : ModelReply.Text(r.ToolResults.Single().Content));
        var bot = await client.CreateBotAsync(ApiClient.Spec(tools: ToolNames.Browser));

        var run = await client.RunAsync(bot.Id);

        Assert.Equal(RunStatuses.Completed, run.Status);
        Assert.StartsWith("Error: refused: 127.0.0.1 is a loopback address", run.Output, StringComparison.Ordinal);
    }
}
