using Microsoft.Extensions.Options;

namespace OpenOrchestrator.Silo.Api;

/// <summary>
/// A body announced larger than <c>Api__MaxBodyBytes</c> is refused before anything reads it, with a problem
/// that names the limit. Kestrel refuses it too, but only once a handler reads, and a host without Kestrel's
/// limits (a test server, a proxy that buffers) would not refuse it at all.
/// </summary>
public static class RequestSize
{
    public static IApplicationBuilder UseRequestSizeLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limit = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.MaxBodyBytes;
        if (context.Request.ContentLength is { } length && length > limit)
        {
            await EarlyProblem.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "The request body is too large.", ReadableProblems.TooLarge(limit));
            return;
        }

        await next(context);
    });
}
