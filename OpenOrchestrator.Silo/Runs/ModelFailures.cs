using System.ClientModel;
using System.Net;
using Anthropic.Exceptions;

namespace OpenOrchestrator.Silo.Runs;

/// <summary>Which failures of a model call mean "the provider is failing" (then a fallback model is tried) and how to say them.</summary>
public static class ModelFailures
{
    /// <summary>5xx, 429 (after the client's own retries), a connection that failed or a call that timed out.</summary>
    public static bool IsProviderFailure(Exception e) => e switch
    {
        ModelTimeoutException or ModelAnswerException => true,
        ClientResultException { Status: var status } => status is 0 or 429 or >= 500,
        AnthropicApiException { StatusCode: var status } => status is HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError,
        AnthropicIOException or AnthropicSseException => true,
        HttpRequestException { StatusCode: null or HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError } => true,
        _ => e.InnerException is { } inner && IsProviderFailure(inner),
    };

    /// <summary>One readable sentence: the HTTP status where there is one, and the provider's own words.</summary>
    public static string Describe(Exception e) => e switch
    {
        ClientResultException { Status: > 0 } c => WithStatus(c.Status, c.Message),
        AnthropicApiException a => WithStatus((int)a.StatusCode, a.ApiMessage ?? a.Message),
        HttpRequestException { StatusCode: { } status } h => WithStatus((int)status, h.Message),
        _ => OneLine(e.Message),
    };

    private static string WithStatus(int status, string message) =>
        message.StartsWith("HTTP ", StringComparison.Ordinal) ? OneLine(message) : $"HTTP {status}: {OneLine(message)}";

    /// <summary>The provider's words on one line (OpenAI's client puts its status and the server's message on separate lines).</summary>
    private static string OneLine(string message) =>
        RunContext.Truncate(string.Join(' ', message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), 300);
}

/// <summary>A model call that sent nothing for <c>Models__CallTimeoutSeconds</c>.</summary>
public sealed class ModelTimeoutException(string message) : Exception(message);

/// <summary>What came back is not a valid completion: empty, cut off, an error page, a tool call that cannot be read.</summary>
public sealed class ModelAnswerException(string message) : Exception(message);
