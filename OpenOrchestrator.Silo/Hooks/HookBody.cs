using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace OpenOrchestrator.Silo.Hooks;

/// <summary>A hook call's body: at most 1 MiB, read as text (UTF-8 unless its charset says otherwise).</summary>
public static class HookBody
{
    public const long MaxBytes = 1024 * 1024;

    /// <summary>The endpoint's body limit: the early size check refuses a body announced larger before anything reads it.</summary>
    public static readonly IRequestSizeLimitMetadata Limit = new SizeLimit(MaxBytes);

    /// <summary>The body's bytes, or null when it is larger than <see cref="MaxBytes"/> (also when sent chunked, without a length).</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Counted here, to the byte: Kestrel's own count of a chunked body includes its chunk headers, so it would
        // refuse a body of just under the limit.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } kestrelLimit)
        {
            kestrelLimit.MaxRequestBodySize = null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        try
        {
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // A server whose limit could not be lifted (the body was being read already) refused it itself.
            return null;
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// The body as the run's input: null when empty; false when it is not text in its charset (bytes that do not
    /// decode, or a NUL, which no text column of PostgreSQL stores).
    /// </summary>
    public static bool TryDecode(HttpRequest request, byte[] body, out string? text)
    {
        text = null;
        if (body.Length == 0)
        {
            return true;
        }

        try
        {
            text = EncodingOf(request).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        return !text.Contains('\0', StringComparison.Ordinal);
    }

    /// <summary>The Content-Type's charset (one the server knows: unknown ones were refused before), else UTF-8; strict either way.</summary>
    private static Encoding EncodingOf(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.Charset.HasValue
            ? Encoding.GetEncoding(type.Charset.Value!, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
            : new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private sealed class SizeLimit(long bytes) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => bytes;
    }
}
