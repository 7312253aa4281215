using System.Text;
using Microsoft.Net.Http.Headers;

namespace OpenOrchestrator.Silo.Api;

/// <summary>
/// A body in a character set the server does not know is the sender's mistake: 415 with a problem
/// that names it, before any handler tries to read the body (reading it would throw). A quoted
/// charset (<c>charset="utf-16"</c>, legal HTTP the JSON reader does not unquote) is unquoted.
/// </summary>
public static class RequestCharset
{
    public static IApplicationBuilder UseKnownRequestCharsets(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type) || !type.Charset.HasValue)
        {
            await next(context);
            return;
        }

        var charset = type.Charset.Value.Trim('"');
        if (IsKnown(charset))
        {
            type.Charset = charset;
            context.Request.ContentType = type.ToString();
            await next(context);
            return;
        }

        await EarlyProblem.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType,
            "The request body's character set is not supported.", $"Unknown charset '{charset}'; send UTF-8.");
    });

    private static bool IsKnown(string charset)
    {
        try
        {
            _ = Encoding.GetEncoding(charset);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
