using System.Net;
using System.Net.Http.Json;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Models;

[Collection(ProvidersCollection.Name)]
public sealed class ProvidersTests(ProvidersFixture fixture)
{
    [Fact]
    public async Task EveryProvidersModelsAreListedWithTheirPrices()
    {
        var client = await fixture.SignUpAsync();

        var models = await ProvidersFixture.GetAsync<IReadOnlyList<ModelInfo>>(client, "/api/models");

        Assert.Contains(new ModelInfo(ProvidersFixture.Sonnet, "anthropic", true, 3, 15), models);
        Assert.Contains(new ModelInfo(ProvidersFixture.Haiku, "anthropic", false, 1, 5), models);
        Assert.Contains(new ModelInfo("gpt-4o-mini", "openai", false, 0.15, 0.6), models);
        Assert.Contains(new ModelInfo(ProvidersFixture.Llama, "local", false, 0.5, 1), models);
        Assert.Contains(new ModelInfo("scripted-model", "openai", false), models);
    }

    [Fact]
    public async Task ANewBotWithoutAModelGetsClaudeSonnet()
    {
        var client = await fixture.SignUpAsync();

        var bot = await client.CreateBotAsync(ApiClient.Spec());

        Assert.Equal(ProvidersFixture.Sonnet, bot.Model);
    }

    [Fact]
    public async Task AClaudeBotRunsThroughAnthropicsMessagesApiWithItsTools()
    {
        var client = await fixture.SignUpAsync();
        var bot = await ProvidersFixture.BotAsync(client, ProvidersFixture.Sonnet, name: "Claude scout");
        fixture.Anthropic.SetScript(request => request.Round() == 0
            ? ModelReply.ToolCalls(ModelToolCall.Create("results-report", new { title = "Nike Air Max 90, size 43", url = "https://example.com/item/1" })) with { PromptTokens = 1200, CompletionTokens = 80 }
            : ModelReply.Text("Done: one new offer.") with { PromptTokens = 1400, CompletionTokens = 20 });

        var run = await client.RunAsync(bot.Id);

        Assert.Equal(RunStatuses.Completed, run.Status);
        Assert.Equal("Done: one new offer.", run.Output);
        Assert.Equal("Nike Air Max 90, size 43", Assert.Single(await client.ResultsAsync(bot.Id)).Title);
        var requests = fixture.Anthropic.Requests.Where(r => r.SystemPrompt?.Contains("Claude scout") == true).ToList();
        Assert.Equal(2, requests.Count);
        Assert.Contains("results-report", requests[0].ToolNames);
        Assert.StartsWith("Stored as a new result", Assert.Single(requests[1].ToolResults).Content, StringComparison.Ordinal);
        Assert.Equal((2600 * 3 + 100 * 15) / 1_000_000d, run.Cost!.Value, 9);
        Assert.Contains(await client.LogAsync(run.Id), l => l.Message.StartsWith($"Model call 2 ({ProvidersFixture.Sonnet}): 1400 prompt + 20 completion tokens", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BotsOnThreeProvidersRunSideBySide()
    {
        var client = await fixture.SignUpAsync();
        var bots = await Task.WhenAll(
            ProvidersFixture.BotAsync(client, "gpt-4o-mini", name: "On OpenAI"),
            ProvidersFixture.BotAsync(client, ProvidersFixture.Haiku, name: "On Anthropic"),
            ProvidersFixture.BotAsync(client, ProvidersFixture.Llama, name: "On local"));
        fixture.OpenAi.SetScript(_ => ModelReply.Text("OpenAI here."));
        fixture.Anthropic.SetScript(_ => ModelReply.Text("Claude here."));
        fixture.Local.SetScript(_ => ModelReply.Text("Local here."));

        var runs = await Task.WhenAll(bots.Select(b => client.RunAsync(b.Id)));

        Assert.Equal(["OpenAI here.", "Claude here.", "Local here."], runs.Select(r => r.Output));
        Assert.Contains(fixture.OpenAi.Requests, r => r.SystemPrompt!.Contains("On OpenAI") && r.Model == "gpt-4o-mini");
        Assert.Contains(fixture.Anthropic.Requests, r => r.SystemPrompt!.Contains("On Anthropic") && r.Model == ProvidersFixture.Haiku);
        Assert.Contains(fixture.Local.Requests, r => r.SystemPrompt!.Contains("On local") && r.Model == ProvidersFixture.Llama);
    }

    [Fact]
    public async Task TheUsersOwnAnthropicKeyIsUsedForTheirBots()
    {
        var client = await fixture.SignUpAsync();
        (await client.PutAsJsonAsync("/api/settings", new SettingsUpdate(null, null, null, "sk-ant-users-own", null))).EnsureSuccessStatusCode();
        var bot = await ProvidersFixture.BotAsync(client, ProvidersFixture.Haiku, name: "Own key");

        await client.RunAsync(bot.Id);

        var request = fixture.Anthropic.Requests.Last(r => r.SystemPrompt!.Contains("Own key"));
        Assert.Contains("sk-ant-users-own", request.Authorization);
    }

    [Fact]
    public async Task AnUnknownModelIsRefusedWithTheModelsOnOffer()
    {
        var client = await fixture.SignUpAsync();

        var response = await client.PostAsJsonAsync("/api/bots", ApiClient.Spec() with { Model = "gpt-nope", FallbackModels = ["claude-nope"] });

        await Problems.AssertAsync(response, HttpStatusCode.BadRequest, "Unknown model 'gpt-nope': choose from");
        Assert.Contains(ProvidersFixture.Haiku, await response.Content.ReadAsStringAsync());
        Assert.Contains("Unknown model 'claude-nope'", await response.Content.ReadAsStringAsync());
    }
}
