using OpenOrchestrator.Contracts;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Models;

/// <summary>An answer that is not a valid completion fails the run with a readable error; it is never "completed".</summary>
[Collection(ProvidersCollection.Name)]
public sealed class HonestFailureTests(ProvidersFixture fixture)
{
    public static TheoryData<string, string> Answers => new()
    {
        { "html", "sent no completion" },
        { "empty", "sent no completion" },
        { "cut-off", "answer ended before it was complete" },
        { "malformed-tool-call", "arguments that are not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task AnOpenAiAnswerThatIsNoCompletionFailsTheRun(string answer, string error)
    {
        var client = await fixture.SignUpAsync();
        var bot = await ProvidersFixture.BotAsync(client, "gpt-4o-mini", name: $"OpenAI {answer}");
        fixture.OpenAi.SetScript(_ => Bad(answer));

        var run = await client.RunAsync(bot.Id);

        Assert.Equal(RunStatuses.Failed, run.Status);
        Assert.Contains(error, run.Error);
    }

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task AnAnthropicAnswerThatIsNoCompletionFailsTheRun(string answer, string error)
    {
        var client = await fixture.SignUpAsync();
        var bot = await ProvidersFixture.BotAsync(client, ProvidersFixture.Haiku, name: $"Claude {answer}");
        fixture.Anthropic.SetScript(_ => Bad(answer));

        var run = await client.RunAsync(bot.Id);

        Assert.Equal(RunStatuses.Failed, run.Status);
        Assert.Contains(error, run.Error);
    }

    [Fact]
    public async Task AnEmptyAnswerIsLeftForTheFallbackModel()
    {
        var client = await fixture.SignUpAsync();
        var bot = await ProvidersFixture.BotAsync(client, "gpt-4o-mini", [ProvidersFixture.Haiku], name: "Empty then Claude");
        fixture.OpenAi.SetScript(_ => ModelReply.EmptyStream());
        fixture.Anthropic.SetScript(_ => ModelReply.Text("Claude here."));

        var run = await client.RunAsync(bot.Id);

        Assert.Equal(RunStatuses.Completed, run.Status);
        Assert.Equal("Claude here.", run.Output);
    }

    private static ModelReply Bad(string answer) => answer switch
    {
        "html" => ModelReply.HtmlPage(),
        "empty" => ModelReply.EmptyStream(),
        "cut-off" => ModelReply.CutOff("I found three offers and"),
        _ => ModelReply.MalformedToolCall("results-report"),
    };
}
