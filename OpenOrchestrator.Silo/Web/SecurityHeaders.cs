using OpenOrchestrator.Silo.Hosting;

namespace OpenOrchestrator.Silo.Web;

/// <summary>
/// Every answer tells the browser what it may do with it: run only our own scripts (and our
/// WebAssembly), load nothing from elsewhere, never be framed, never sniff a type, never send our
/// URLs as a referrer. The Orleans dashboard, a third-party page with inline script, is only kept
/// out of frames.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// A document of the user's own content the dashboard shows in a sandboxed frame (the digest):
    /// no script at all, framed by our own pages only.
    /// </summary>
    public const string FramedDocumentPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'self'";

    public static void AllowFramingByOurPages(HttpResponse response)
    {
        response.Headers.XFrameOptions = "SAMEORIGIN";
        response.Headers.ContentSecurityPolicy = FramedDocumentPolicy;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(OrleansDashboard.Path)
            ? "frame-ancestors 'none'"
            : ContentSecurityPolicy;
        return next(context);
    });
}
