using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Models;

/// <summary>
/// The bad answers both SDKs' IChatClients meet alike, run once per provider by its subclass. Several of them
/// throw nothing: a caller must check what it got (any content, a finish reason, a call's Exception) itself.
/// </summary>
public abstract class BadAnswerTests<TServer> : IAsyncLifetime
    where TServer : ScriptedServer
{
    protected TServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await StartAsync(_ => ModelReply.Text("No script set."));

    public async Task DisposeAsync() => await Server.DisposeAsync();

    [Fact]
    public async Task AnHtmlPageFailsAsJsonWithoutStreamingAndYieldsNothingWhenStreaming()
    {
        Server.SetScript(_ => ModelReply.HtmlPage());

        await Assert.ThrowsAnyAsync<JsonException>(() => Client().GetResponseAsync("hi"));
        Assert.Empty(await Client().StreamAsync("hi"));
    }

    [Fact]
    public async Task AnEmptyStreamYieldsNothingAndAnEmptyBodyFailsAsJson()
    {
        Server.SetScript(_ => ModelReply.EmptyStream());

        Assert.Empty(await Client().StreamAsync("hi"));
        await Assert.ThrowsAnyAsync<JsonException>(() => Client().GetResponseAsync("hi"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AMalformedToolCallComesBackAsACallCarryingItsParseError(bool stream)
    {
        Server.SetScript(_ => ModelReply.MalformedToolCall("web-search"));

        var contents = await Client().AskAsync("hi", stream);

        var call = Assert.Single(contents.OfType<FunctionCallContent>());
        Assert.Equal("web-search", call.Name);
        Assert.Null(call.Arguments);
        var error = Assert.IsType<InvalidOperationException>(call.Exception);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
    }

    [Fact]
    public async Task ACutOffStreamYieldsItsTextWithNoFinishReasonAndACutOffBodyFailsAsJson()
    {
        Server.SetScript(_ => ModelReply.CutOff("Your parcel is"));

        var updates = await Client().StreamAsync("hi");

        Assert.Equal("Your parcel is", updates.ToChatResponse().Text);
        Assert.All(updates, u => Assert.Null(u.FinishReason));
        Assert.Equal(CutOffUsage, updates.SelectMany(u => u.Contents).OfType<UsageContent>().SingleOrDefault()?.Details.OutputTokenCount);
        await Assert.ThrowsAnyAsync<JsonException>(() => Client().GetResponseAsync("hi"));
    }

    /// <summary>The output tokens a cut-off stream still reports, or null when it reports no usage.</summary>
    private protected abstract long? CutOffUsage { get; }

    private protected abstract Task<TServer> StartAsync(Func<ModelRequest, ModelReply> script);

    private protected abstract IChatClient Client(TimeSpan? timeout = null);
}
