using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace OpenOrchestrator.Silo.Api;

/// <summary>
/// A body announced larger than <c>Api__MaxBodyBytes</c> is refused before anything reads it, with a problem
/// that names the limit. Kestrel refuses it too, but only once a handler reads, and a host without Kestrel's
/// limits (a test server, a proxy that buffers) would not refuse it at all. An endpoint with a limit of its
/// own (<see cref="IRequestSizeLimitMetadata"/>, which Kestrel also applies) is held to that one.
/// </summary>
public static class RequestSize
{
    public static IApplicationBuilder UseRequestSizeLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limit = LimitOf(context);
        if (context.Request.ContentLength is { } length && length > limit)
        {
            // The body is left unread, and the server will not drain that much of it: the connection ends with the
            // answer, so that a client does not send its next request on a connection about to be closed.
            context.Response.Headers.Connection = "close";
            await EarlyProblem.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "The request body is too large.", ReadableProblems.TooLarge(limit));
            return;
        }

        await next(context);
    });

    /// <summary>The endpoint's own limit, else <c>Api__MaxBodyBytes</c>.</summary>
    public static long LimitOf(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
        ?? context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.MaxBodyBytes;
}
