using System.Globalization;

namespace OpenOrchestrator.Silo.Api;

/// <summary>
/// Every problem the server writes carries a sentence a person can read. Answers made of a bare status code
/// (405 from routing, 404 from <c>TypedResults.NotFound()</c>, 415, a 413 from Kestrel) come through status
/// code pages or the exception handler with only a reason phrase such as "Method Not Allowed"; this fills in
/// their <c>detail</c>. A problem that already says something keeps its own words.
/// </summary>
public static class ReadableProblems
{
    public static void Fill(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (!string.IsNullOrWhiteSpace(problem.Detail))
        {
            return;
        }

        var request = context.HttpContext.Request;
        problem.Detail = problem.Status switch
        {
            StatusCodes.Status400BadRequest => "The server could not read this request.",
            StatusCodes.Status401Unauthorized => "Please sign in first.",
            StatusCodes.Status403Forbidden => "You are not allowed to do this.",
            StatusCodes.Status404NotFound => "It does not exist (any more): it may have been deleted.",
            StatusCodes.Status405MethodNotAllowed => string.Format(CultureInfo.InvariantCulture,
                "{0} is not something this address does ({1}); reload the page, the app may have been updated.", request.Method, request.Path),
            StatusCodes.Status413PayloadTooLarge => TooLarge(RequestSize.LimitOf(context.HttpContext)),
            StatusCodes.Status415UnsupportedMediaType => "The server cannot read content of this type; send JSON.",
            StatusCodes.Status429TooManyRequests => "Too many requests at once; try again in a moment.",
            >= 500 => "Something went wrong on the server. Try again; if it keeps happening, its log says why.",
            _ => problem.Detail,
        };
    }

    /// <summary>The sentence for a body over the limit, with the limit in units a person reads.</summary>
    public static string TooLarge(long? limit) => limit is { } bytes
        ? string.Format(CultureInfo.InvariantCulture, "What was sent is larger than the limit of {0}.", Size(bytes))
        : "What was sent is larger than the server accepts.";

    /// <summary>1048576 → "1 MB", 65536 → "64 KB".</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Format(CultureInfo.InvariantCulture, "{0:0.#} MB", bytes / 1048576.0),
        >= 1024 => string.Format(CultureInfo.InvariantCulture, "{0:0.#} KB", bytes / 1024.0),
        _ => string.Format(CultureInfo.InvariantCulture, "{0} bytes", bytes),
    };
}
