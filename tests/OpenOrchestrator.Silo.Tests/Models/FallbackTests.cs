using OpenOrchestrator.Contracts;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Models;

/// <summary>When a bot's provider fails, its fallback models are tried in order; the log says which answered.</summary>
[Collection(ProvidersCollection.Name)]
public sealed class FallbackTests(ProvidersFixture fixture)
{
    public static TheoryData<int> Failures => new() { 500, 503, 429 };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task AFailingProviderHandsTheCallToTheNextModel(int status)
    {
        var client = await fixture.SignUpAsync();
        var name = $"Falls back on {status}";
        var bot = await ProvidersFixture.BotAsync(client, "gpt-4o-mini", [ProvidersFixture.Haiku], name: name);
        fixture.OpenAi.SetScript(request => request.SystemPrompt!.Contains(name) ? ModelReply.Error(status, "The service is overloaded.") : ModelReply.Text("OpenAI here."));
        fixture.Anthropic.SetScript(_ => ModelReply.Text("Claude stepped in.") with { PromptTokens = 1000, CompletionTokens = 100 });

        var run = await client.RunAsync(bot.Id);

        Assert.Equal(RunStatuses.Completed, run.Status);
        Assert.Equal("Claude stepped in.", run.Output);
        Assert.Equal((1000 * 1 + 100 * 5) / 1_000_000d, run.Cost!.Value, 9);
        var log = await client.LogAsync(run.Id);
        Assert.Contains(log, l => l.Kind == LogKinds.Error && l.Message.StartsWith($"gpt-4o-mini failed (HTTP {status}", StringComparison.Ordinal)
            && l.Message.EndsWith($"trying {ProvidersFixture.Haiku}.", StringComparison.Ordinal));
        Assert.Contains(log, l => l.Message.StartsWith($"Model call 1 ({ProvidersFixture.Haiku})", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AProviderThatSendsNothingUntilTheCallTimeoutIsLeftForTheNextModel()
    {
        var client = await fixture.SignUpAsync();
        var bot = await ProvidersFixture.BotAsync(client, "gpt-4o-mini", [ProvidersFixture.Llama], name: "Slow provider");
        fixture.OpenAi.SetScript(request => request.SystemPrompt!.Contains("Slow provider")
            ? ModelReply.NoAnswer()
            : ModelReply.Text("OpenAI here."));
        fixture.Local.SetScript(_ => ModelReply.Text("Local stepped in."));

        var run = await client.RunAsync(bot.Id);

        Assert.Equal("Local stepped in.", run.Output);
        Assert.Contains(await client.LogAsync(run.Id), l => l.Message.StartsWith("gpt-4o-mini failed (gpt-4o-mini sent nothing for 3 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhenEveryModelFailsTheRunFailsWithTheLastModelsReason()
    {
        var client = await fixture.SignUpAsync();
        var bot = await ProvidersFixture.BotAsync(client, "gpt-4o-mini", [ProvidersFixture.Llama, ProvidersFixture.Haiku], name: "Nothing works");
        fixture.OpenAi.SetScript(_ => ModelReply.Error(502, "Bad gateway."));
        fixture.Local.SetScript(_ => ModelReply.Error(500, "Out of memory."));
        fixture.Anthropic.SetScript(_ => ModelReply.Error(529, "Overloaded."));

        var run = await client.RunAsync(bot.Id);

        Assert.Equal(RunStatuses.Failed, run.Status);
        Assert.StartsWith($"The model call to {ProvidersFixture.Haiku} failed (HTTP 529", run.Error, StringComparison.Ordinal);
        Assert.Equal(2, (await client.LogAsync(run.Id)).Count(l => l.Message.Contains("; trying ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ARequestTheProviderRefusesIsNotRetriedElsewhere()
    {
        var client = await fixture.SignUpAsync();
        var bot = await ProvidersFixture.BotAsync(client, "gpt-4o-mini", [ProvidersFixture.Haiku], name: "Bad request");
        var before = fixture.Anthropic.RequestCount;
        fixture.OpenAi.SetScript(_ => ModelReply.Error(400, "max_tokens is too large"));

        var run = await client.RunAsync(bot.Id);

        Assert.Equal(RunStatuses.Failed, run.Status);
        Assert.Contains("max_tokens is too large", run.Error);
        Assert.Equal(before, fixture.Anthropic.RequestCount);
    }
}
