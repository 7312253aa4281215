using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Models;

/// <summary>
/// What OpenAI's IChatClient (Microsoft.Extensions.AI.OpenAI) does with each way a model service fails, beside
/// <see cref="AnthropicFailureTests"/>: one exception type for every HTTP failure, told apart by its status.
/// </summary>
public sealed class OpenAiFailureTests : BadAnswerTests<ScriptedModelServer>
{
    // Usage comes in a chunk after the finish reason, so a stream cut off before it reports none.
    private protected override long? CutOffUsage => null;

    [Theory]
    [InlineData(500, true)]
    [InlineData(500, false)]
    [InlineData(429, true)]
    [InlineData(429, false)]
    public async Task AnHttpErrorThrowsAClientResultExceptionWithItsStatus(int status, bool stream)
    {
        Server.SetScript(_ => ModelReply.Error(status, "model down"));

        var error = await Assert.ThrowsAsync<ClientResultException>(() => Client().AskAsync("hi", stream));

        Assert.Equal(status, error.Status);
        Assert.Contains("model down", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ARefusedConnectionThrowsAClientResultExceptionWithStatusZero(bool stream)
    {
        var error = await Assert.ThrowsAsync<ClientResultException>(() => ChatClients.OpenAi(new Uri(ChatClients.Refusing(), "v1/")).AskAsync("hi", stream));

        Assert.Equal(0, error.Status);
        Assert.Equal(HttpRequestError.ConnectionError, Assert.IsType<HttpRequestException>(error.InnerException).HttpRequestError);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ATimeoutThrowsTaskCanceledWithNoTimeoutExceptionInside(bool stream)
    {
        Server.SetScript(_ => ModelReply.NoAnswer());

        var error = await Assert.ThrowsAsync<TaskCanceledException>(() => Client(TimeSpan.FromMilliseconds(500)).AskAsync("hi", stream));

        Assert.Contains("NetworkTimeout", error.Message, StringComparison.Ordinal);
        for (Exception? inner = error; inner is not null; inner = inner.InnerException)
        {
            Assert.IsNotType<TimeoutException>(inner);
        }
    }

    private protected override Task<ScriptedModelServer> StartAsync(Func<ModelRequest, ModelReply> script) => ScriptedModelServer.StartAsync(script);

    private protected override IChatClient Client(TimeSpan? timeout = null) => ChatClients.OpenAi(Server.BaseUrl, timeout);
}
