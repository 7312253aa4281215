using System.Net;
using Anthropic.Exceptions;
using Microsoft.Extensions.AI;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Models;

/// <summary>
/// What Anthropic's IChatClient does with each way a model service fails, streaming or not: the facts a fallback
/// to another model and an honest run error are built on. The bad answers shared with OpenAI are in the base class.
/// </summary>
public sealed class AnthropicFailureTests : BadAnswerTests<ScriptedAnthropicServer>
{
    // Only message_start's usage arrived: output_tokens 1, the count a stream opens with.
    private protected override long? CutOffUsage => 1;

    [Theory]
    [InlineData(500, typeof(Anthropic5xxException), true)]
    [InlineData(500, typeof(Anthropic5xxException), false)]
    [InlineData(429, typeof(AnthropicRateLimitException), true)]
    [InlineData(429, typeof(AnthropicRateLimitException), false)]
    public async Task AnHttpErrorThrowsTheExceptionOfItsStatus(int status, Type exception, bool stream)
    {
        Server.SetScript(_ => ModelReply.Error(status, "model down"));

        var thrown = await Assert.ThrowsAsync(exception, () => Client().AskAsync("hi", stream));

        var error = Assert.IsAssignableFrom<AnthropicApiException>(thrown);
        Assert.Equal(((HttpStatusCode)status, "model down"), (error.StatusCode, error.ApiMessage));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ARefusedConnectionThrowsAnIOExceptionAroundTheHttpError(bool stream)
    {
        var error = await Assert.ThrowsAsync<AnthropicIOException>(() => ChatClients.Claude(ChatClients.Refusing()).AskAsync("hi", stream));

        Assert.Equal(HttpRequestError.ConnectionError, error.InnerException.HttpRequestError);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ATimeoutThrowsTaskCanceledAroundATimeoutException(bool stream)
    {
        Server.SetScript(_ => ModelReply.NoAnswer());

        var error = await Assert.ThrowsAsync<TaskCanceledException>(() => Client(TimeSpan.FromMilliseconds(500)).AskAsync("hi", stream));

        Assert.IsType<TimeoutException>(error.InnerException);
    }

    private protected override Task<ScriptedAnthropicServer> StartAsync(Func<ModelRequest, ModelReply> script) =>
        ScriptedAnthropicServer.StartAsync(script);

    private protected override IChatClient Client(TimeSpan? timeout = null) => ChatClients.Claude(Server.BaseUrl, timeout);
}
