using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace OpenOrchestrator.Silo.Api;

/// <summary>Turns unreadable requests into 4xx problem details that say what is wrong, and a dead silo of the cluster into a 503 to retry.</summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, IOptions<ApiOptions> limits) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (StatusCodes.Status413PayloadTooLarge, "The request body is too large.", ReadableProblems.TooLarge(limits.Value.MaxBodyBytes)),
            BadHttpRequestException { InnerException: JsonException json } =>
                (StatusCodes.Status400BadRequest, "The request body is not valid JSON.", json.Message),
            BadHttpRequestException bad => (bad.StatusCode, "The request could not be read.", bad.Message),
            ArgumentException argument => (StatusCodes.Status400BadRequest, "Invalid request.", argument.Message),
            SiloUnavailableException or OrleansMessageRejectionException => (StatusCodes.Status503ServiceUnavailable,
                "A server of the cluster stopped answering.", "Its bots move to the other servers within seconds; try again shortly."),
            _ => (0, "", ""),
        };
        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "5";
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
