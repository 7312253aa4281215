using Microsoft.AspNetCore.Http.Features;

namespace OpenOrchestrator.Silo.Api;

/// <summary>
/// Refuses API requests whose path, as sent, holds a "." or ".." segment (also percent-encoded). Kestrel
/// removes such segments before routing, so <c>DELETE /api/bots/{id}/docs/..</c> would reach the bot itself.
/// </summary>
public static class DotSegmentRefusal
{
    private const int MaxDecodings = 4;

    public static IApplicationBuilder UseDotSegmentRefusal(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        var sent = string.IsNullOrEmpty(raw) ? context.Request.Path.Value ?? "" : raw;
        if (!IsApi(context.Request.Path) || !HasDotSegment(sent))
        {
            await next(context);
            return;
        }

        await EarlyProblem.WriteAsync(context, StatusCodes.Status400BadRequest, "Invalid path.", "The path may not contain '.' or '..' segments.");
    });

    /// <summary>True when a segment of the target's path is "." or "..", after percent-decoding (repeatedly: double encoding too).</summary>
    public static bool HasDotSegment(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return PathOf(target).Split('/').Any(segment => Decoded(segment) is "." or "..");
    }

    // After Kestrel's normalisation "/api/bots/x/docs/.." is "/api/bots/x", still under /api.
    private static bool IsApi(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    // The target may be absolute ("http://host/path?query"); only its path counts.
    private static string PathOf(string target)
    {
        var scheme = target.IndexOf("://", StringComparison.Ordinal);
        var start = scheme >= 0 && !target.StartsWith('/') ? target.IndexOf('/', scheme + 3) : 0;
        if (start < 0)
        {
            return "";
        }

        var end = target.IndexOfAny(['?', '#'], start);
        return end < 0 ? target[start..] : target[start..end];
    }

    private static string Decoded(string segment)
    {
        for (var i = 0; i < MaxDecodings && segment.Contains('%', StringComparison.Ordinal); i++)
        {
            segment = Uri.UnescapeDataString(segment);
        }

        return segment;
    }
}
